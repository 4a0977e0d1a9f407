import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { VirtualClock } from './virtual-clock';

describe('VirtualClock', () => {
  let store: Awaited<ReturnType<typeof openFreshPgliteStore>>;
  beforeAll(async () => (store = await openFreshPgliteStore()));
  afterAll(() => store.close());

  it('starts where configured, is shared through the database, and only moves forward', async () => {
    const database = store.database;
    const clock = await VirtualClock.open(database, new Date('2021-09-01T00:00:00Z'));
    expect((await clock.now()).toISOString()).toBe('2021-09-01T00:00:00.000Z');
    const other = await VirtualClock.open(database, new Date('2030-01-01T00:00:00Z'));
    expect((await other.now()).toISOString()).toBe('2021-09-01T00:00:00.000Z');
    await clock.set(new Date('2022-01-01T00:00:00Z'));
    expect((await other.now()).toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect((await clock.set(new Date('2021-01-01T00:00:00Z'))).toISOString()).toBe('2022-01-01T00:00:00.000Z');
  });
});
