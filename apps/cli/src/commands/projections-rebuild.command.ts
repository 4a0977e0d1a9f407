import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidConfigError, openEventStorage, StoreUnavailableError } from '@planledger/event-store';
import { migrateReadModels, rebuildReadModels, REBUILT_TABLES } from '@planledger/projections';

/** The few lines of cli-progress used here (the package ships no types). */
interface ProgressBar {
  start(total: number, value: number): void;
  setTotal(total: number): void;
  update(value: number): void;
  stop(): void;
}
interface CliProgress {
  SingleBar: new (options: Record<string, unknown>, preset: unknown) => ProgressBar;
  Presets: { shades_classic: unknown };
}

export interface RebuildIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export function registerProjectionsRebuildCommand(program: Command): void {
  const projections = program.command('projections').description('the read models the service answers queries from');
  projections
    .command('rebuild')
    .description(
      'empty the read models and replay every stored event into them (DATABASE_URL, KURRENTDB_URL or PGlite under DATA_DIR, default ./data). ' +
        'Safe beside a running service on PostgreSQL; stop the service first on PGlite, which one process owns.',
    )
    .action(async () => {
      process.exitCode = await rebuildProjections({ env: process.env, stdout: process.stdout, stderr: process.stderr });
    });
}

/** Exit code 0 when rebuilt, 1 when the storage could not be opened or the replay failed. */
export async function rebuildProjections({ env, stdout, stderr }: RebuildIo): Promise<number> {
  const dataDir = env.DATA_DIR || './data';
  let storage;
  try {
    storage = await openEventStorage({
      databaseUrl: env.DATABASE_URL || undefined,
      kurrentdbUrl: env.KURRENTDB_URL || undefined,
      // Where the service keeps PGlite (libs/runtime pgliteDirOf): the CLI must open the same one.
      dataDir: join(resolve(dataDir), 'pglite'),
    });
  } catch (error) {
    if (error instanceof InvalidConfigError || error instanceof StoreUnavailableError) {
      // Say it in the names the user set: DATABASE_URL, not the storage's config.databaseUrl.
      const message = error.message.replace('config.databaseUrl', 'DATABASE_URL').replace('config.kurrentdbUrl', 'KURRENTDB_URL');
      stderr.write(`projections rebuild: ${message}\n`);
      return 1;
    }
    throw error;
  }
  const bar = stderr.isTTY ? progressBar(stderr) : undefined;
  const startedAt = Date.now();
  try {
    await migrateReadModels(storage.database);
    const result = await rebuildReadModels({
      store: storage.store,
      database: storage.database,
      onProgress: (done, total) => {
        if (!bar) return;
        if (done === 0) bar.start(total, 0);
        bar.setTotal(total);
        bar.update(done);
      },
    });
    bar?.stop();
    const counts: string[] = [];
    for (const table of REBUILT_TABLES) {
      const [row] = await storage.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      counts.push(`${table} ${row.n}`);
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    stdout.write(`rebuilt the read models from ${result.events} events (${storage.kind}) in ${seconds} s: ${counts.join(', ')}\n`);
    return 0;
  } catch (error) {
    bar?.stop();
    stderr.write(`projections rebuild failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}

function progressBar(stream: NodeJS.WritableStream): ProgressBar {
  // Loaded only on a terminal, so piped runs never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cliProgress = require('cli-progress') as CliProgress;
  return new cliProgress.SingleBar(
    { stream, format: 'rebuilding read models [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
}
