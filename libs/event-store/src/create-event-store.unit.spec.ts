import { createEventStore } from './create-event-store';
import { InvalidConfigError } from './errors';

describe('createEventStore configuration', () => {
  it.each([
    [{ databaseUrl: 'mysql://x' }, 'config.databaseUrl'],
    [{ kurrentdbUrl: 'http://x' }, 'config.kurrentdbUrl'],
    [{ databaseUrl: 'postgres://a/b', kurrentdbUrl: 'kurrentdb://h:2113' }, 'config'],
    [{ dataDir: '' }, 'config.dataDir'],
    [{ databaseUrl: 'postgres://a/b', colour: 'red' }, 'config'],
  ])('rejects %j naming %s', async (config, where) => {
    const error = await createEventStore(config as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).where).toBe(where);
  });
});
