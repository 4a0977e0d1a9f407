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
    await first.close();

    const reopened = await createEventStore({ dataDir });
    const [stored] = await collect(reopened.readStream('kept'));
    await reopened.close();
    expect(stored).toMatchObject({ eventId: event.eventId, data: { 名字: '王芳' }, revision: 0n });
  }, 60_000);
});
