import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidConfigError, openEventStorage, StoreUnavailableError, type EventStorage } from '@planledger/event-store';

export interface AuditIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** The storage or the one line that says why not (already in the names the user set). */
export type OpenedStorage = { ok: true; storage: EventStorage } | { ok: false; message: string };

/**
 * PGlite keeps a postmaster.pid in its folder while a process has it open, and nothing stops a
 * second process from opening it too — two writers would corrupt it. So the CLI refuses.
 */
function pgliteInUse(pgliteDir: string): string | undefined {
  const pidFile = join(pgliteDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  return (
    `${pgliteDir} is open in another process (probably the service: npm start / npm run demo). ` +
    'PGlite belongs to one process: stop the service and run this again, or run the service on PostgreSQL (DATABASE_URL) and give the CLI the same DATABASE_URL. ' +
    `If nothing uses it any more (a crash left ${pidFile} behind), starting and stopping the service once clears it.`
  );
}

/** Opens what the service opens: DATABASE_URL, KURRENTDB_URL, else PGlite at DATA_DIR/pglite (default ./data). */
export async function openAuditStorage(env: NodeJS.ProcessEnv): Promise<OpenedStorage> {
  const databaseUrl = env.DATABASE_URL || undefined;
  const kurrentdbUrl = env.KURRENTDB_URL || undefined;
  // Where the service keeps PGlite (libs/runtime pgliteDirOf): the CLI must open the same one.
  const pgliteDir = join(resolve(env.DATA_DIR || './data'), 'pglite');
  if (!databaseUrl) {
    const inUse = pgliteInUse(kurrentdbUrl ? join(pgliteDir, 'read-models') : pgliteDir);
    if (inUse) return { ok: false, message: inUse };
  }
  try {
    return { ok: true, storage: await openEventStorage({ databaseUrl, kurrentdbUrl, dataDir: pgliteDir }) };
  } catch (error) {
    if (error instanceof InvalidConfigError || error instanceof StoreUnavailableError) {
      return { ok: false, message: error.message.replace('config.databaseUrl', 'DATABASE_URL').replace('config.kurrentdbUrl', 'KURRENTDB_URL') };
    }
    throw error;
  }
}
