import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../sql/migrations';
import { runMigrations } from '../sql/run-migrations';
import { openPgliteEventStore } from '../pglite/open-pglite-event-store';
import { PgliteWorkerExecutor } from '../pglite/pglite-worker-executor';
import type { SqlEventStore } from '../sql/sql-event-store';

const templateDir = join(tmpdir(), 'planledger-event-store-tests');
// Named after the migrations' content, so a changed schema never reuses a stale template.
const schemaDigest = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
const templateFile = join(templateDir, `pglite-template-${schemaDigest}.tar`);

/**
 * A fresh in-memory PGlite event store, cloned from a migrated template kept on disk: cloning
 * (≈0.75 s) is much cheaper than initdb (≈4–7 s). The first test file to need it builds it.
 */
export async function openFreshPgliteStore(): Promise<SqlEventStore> {
  const tarball = await templateTarball();
  return openPgliteEventStore({ loadDataDir: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer });
}

async function templateTarball(): Promise<Buffer> {
  if (existsSync(templateFile)) return readFileSync(templateFile);
  const executor = await PgliteWorkerExecutor.open({});
  await runMigrations(executor);
  const dump = Buffer.from(await executor.dumpDataDir());
  await executor.close();
  mkdirSync(templateDir, { recursive: true });
  // Write then rename, so a parallel test file never reads half a tarball.
  const partial = `${templateFile}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, templateFile);
  return dump;
}
