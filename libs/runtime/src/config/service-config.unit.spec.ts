import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(loadServiceConfig({})).toEqual(expect.objectContaining({ PORT: 3000, DATA_DIR: './data', VIRTUAL_CLOCK: false, TIMER_HORIZON_HOURS: 24, QUEUE_NAME: 'planledger-timers' }));
  });

  it('reads and converts the variables it knows, ignores the rest and empty values', () => {
    const config = loadServiceConfig({ PORT: '8080', VIRTUAL_CLOCK: '1', REDIS_URL: 'redis://r:6379', HOME: '/root', DATABASE_URL: '' });
    expect(config).toEqual(expect.objectContaining({ PORT: 8080, VIRTUAL_CLOCK: true, REDIS_URL: 'redis://r:6379' }));
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable, its value and what is allowed', () => {
    let error: ConfigError | undefined;
    try {
      loadServiceConfig({ PORT: '70000', REDIS_URL: 'localhost', QUEUE_NAME: 'a:b', DATABASE_URL: 'postgres://x', KURRENTDB_URL: 'kurrentdb://y' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/^PORT="70000": /m);
    expect(text).toMatch(/^REDIS_URL="localhost": must be a redis:\/\/ or rediss:\/\/ URL/m);
    expect(text).toMatch(/^QUEUE_NAME="a:b": letters, digits/m);
    expect(text).toMatch(/^KURRENTDB_URL=.*set DATABASE_URL or KURRENTDB_URL, not both/m);
  });
});
