import type { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../errors';
import { runMigrations } from '../sql/run-migrations';
import { PgliteWorkerExecutor } from './pglite-worker-executor';

/**
 * The PGlite path never ends the process on a query error: a failing statement fails its caller
 * only, and a PGlite thread that dies (an abort in its WebAssembly, an uncaught error) turns every
 * waiting and later call into StoreUnavailableError at once, instead of hanging forever.
 */
describe('PGlite (worker thread) on errors', () => {
  let executor: PgliteWorkerExecutor;

  beforeAll(async () => {
    executor = await PgliteWorkerExecutor.open({});
    await runMigrations(executor);
  }, 60_000);
  afterAll(async () => {
    await executor?.close();
  });

  it('a failing statement fails its caller; the next statement works', async () => {
    await expect(executor.query('select * from no_such_table where id = $1', [1])).rejects.toThrow(/no_such_table/);
    await expect(executor.query('select 1 / 0')).rejects.toThrow(/division by zero/);
    expect(await executor.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('a failing transaction is rolled back; the next transaction works', async () => {
    await expect(
      executor.transaction(async (tx) => {
        await tx.query("insert into event_store_snapshots (stream, state_schema_version, revision, state) values ('s', 1, 0, '{}')");
        await tx.query('select 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await executor.query("select count(*)::int as n from event_store_snapshots where stream = 's'")).toEqual([{ n: 0 }]);
    expect(await executor.transaction((tx) => tx.query<{ two: number }>('select 2 as two'))).toEqual([{ two: 2 }]);
  });

  it('a thread that dies fails the calls in flight and every later one as unavailable', async () => {
    const inFlight = executor.query('select pg_sleep(2)');
    // As if PGlite's WebAssembly had aborted: the thread is gone.
    await (executor as unknown as { worker: Worker }).worker.terminate();
    await expect(inFlight).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(executor.query('select 1 as one')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(executor.transaction((tx) => tx.query('select 1'))).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
