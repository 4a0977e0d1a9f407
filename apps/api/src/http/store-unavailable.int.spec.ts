import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** A database that has gone away answers 503 with Retry-After, never 500, and the process goes on. */
describe('requests while the store is unavailable', () => {
  let service: ApiTestApp;

  beforeAll(async () => {
    service = await startApiTestApp();
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it('answers 503 {error: unavailable} with Retry-After for reads and commands', async () => {
    const planner = await service.authAs({ roles: ['planner'] });
    expect((await call(service.url, 'GET', '/plans', { headers: planner })).status).toBe(200);
    await service.storage.close(); // as if the database thread had died

    const read = await call(service.url, 'GET', '/plans', { headers: planner });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.body).toEqual(expect.objectContaining({ error: 'unavailable' }));
    const command = await call(service.url, 'POST', '/plans/some-plan/publish', { headers: planner });
    expect(command.status).toBe(503);
  });
});
