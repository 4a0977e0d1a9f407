import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * A new PGlite database starts with initdb: about 7 s on disk (far more on a busy machine),
 * most of a fresh start. Loading a tarball of a database that has just been through initdb
 * takes well under a second. The tarball is made once per installed PGlite version (at
 * `npm install`, or by the first fresh open without one) and kept under node_modules/.cache.
 * It holds nothing but initdb's output: every installation's own tables and ids are made by
 * the migrations that run after opening, as on a database created from scratch.
 */

const packageDir = (): string => dirname(dirname(require.resolve('@electric-sql/pglite')));

/** Where the template of the installed PGlite version is kept. */
export function pgliteTemplateFile(): string {
  const pkg = packageDir();
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  // node_modules/@electric-sql/pglite → node_modules/.cache/planledger
  return join(dirname(dirname(pkg)), '.cache', 'planledger', `pglite-${version}-initdb.tar`);
}

/** A data directory PGlite has never initialised (absent, or without PG_VERSION). */
export const isNewDataDir = (dataDir: string | undefined): boolean => dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));

/** The template's bytes, or undefined when none has been made for this PGlite version. */
export function readPgliteTemplate(): ArrayBuffer | undefined {
  try {
    const bytes = readFileSync(pgliteTemplateFile());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

/** Stores a tarball from `dumpDataDir()` of a database fresh from initdb; atomically, as several processes may race. */
export function writePgliteTemplate(tarball: ArrayBuffer): string {
  const file = pgliteTemplateFile();
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.from(tarball));
  renameSync(temp, file);
  return file;
}

/** Makes the template of the installed PGlite version unless it exists; returns its path. */
export async function ensurePgliteTemplate(): Promise<{ file: string; made: boolean }> {
  if (readPgliteTemplate()) return { file: pgliteTemplateFile(), made: false };
  // Imported here so that this module stays cheap to load where no template is made.
  const { openPgliteExecutor } = await import('./open-pglite-event-store');
  const executor = await openPgliteExecutor({});
  try {
    return { file: writePgliteTemplate(await executor.dumpDataDir()), made: true };
  } finally {
    await executor.close();
  }
}
