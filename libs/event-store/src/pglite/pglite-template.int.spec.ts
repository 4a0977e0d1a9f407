import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from './open-pglite-event-store';
import { ensurePgliteTemplate, isNewDataDir, pgliteTemplateFile } from './pglite-template';

describe('a fresh PGlite data directory started from the initdb template', () => {
  const root = mkdtempSync(join(tmpdir(), 'planledger-template-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is a working, migrated, persistent database of its own', async () => {
    await ensurePgliteTemplate();
    expect(existsSync(pgliteTemplateFile())).toBe(true);
    const dataDir = join(root, 'pglite');
    expect(isNewDataDir(dataDir)).toBe(true);

    const store = await openPgliteEventStore({ dataDir });
    await store.database.query('create table newcomer_probe (id int)');
    await store.database.query('insert into newcomer_probe values ($1)', [7]);
    await store.close();
    expect(isNewDataDir(dataDir)).toBe(false);

    const reopened = await openPgliteEventStore({ dataDir });
    expect(await reopened.database.query('select id from newcomer_probe')).toEqual([{ id: 7 }]);
    await reopened.close();

    // Another fresh directory from the same template does not see the first one's rows.
    const other = await openPgliteEventStore({ dataDir: join(root, 'other') });
    expect(await other.database.query("select to_regclass('newcomer_probe') as t")).toEqual([{ t: null }]);
    await other.close();
  });
});
