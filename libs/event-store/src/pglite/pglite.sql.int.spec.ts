import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../create-event-store';
import { runMigrations } from '../sql/run-migrations';
import { describeSqlAdapterSpecifics } from '../testing/sql-adapter-specifics';
import { collect, testEvent } from '../testing/test-events';
import { openPgliteExecutor } from './open-pglite-event-store';

describeSqlAdapterSpecifics('PGlite', async () => {
  const executor = await openPgliteExecutor({});
  await runMigrations(executor);
  return { executor, cleanup: () => executor.close() };
});

describe('PGlite in a data directory (the default store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'event-store-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps events across close and re-open', async () => {
    const first = await createEventStore({ dataDir });
    const event = testEvent('Kept', { 名字: '王芳' });
    await first.append('kept', [event], 'no_stream');
    const storeId = await first.storeId();
    await first.close();

    const reopened = await createEventStore({ dataDir });
    const [stored] = await collect(reopened.readStream('kept'));
    const reopenedId = await reopened.storeId();
    await reopened.close();
    expect(stored).toMatchObject({ eventId: event.eventId, data: { 名字: '王芳' }, revision: 0n });
    // The identity is drawn once, when the store is created: another store (in memory here) has its own.
    expect(reopenedId).toBe(storeId);
    const other = await createEventStore({});
    expect(await other.storeId()).not.toBe(storeId);
    await other.close();
  }, 60_000);
});
