import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';

/** Lower-case hex SHA-256: the name of a stored file. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where uploaded files are kept: FILES_DIR when set, else DATA_DIR/files (DATA_DIR defaults to
 * ./data). The same rule for the service and the CLI, whatever the event store (PGlite,
 * PostgreSQL, KurrentDB): the store holds the hashes, this folder the content.
 */
export function filesDirOf(env: { FILES_DIR?: string; DATA_DIR?: string }): string {
  return env.FILES_DIR ? resolve(env.FILES_DIR) : join(resolve(env.DATA_DIR || './data'), 'files');
}

/** `FILES_DIR/ab/cdef…` for sha256 `abcdef…`: 256 folders, so no folder holds every file. */
export function contentPathOf(filesDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`"${sha256}" is not a SHA-256 in lower-case hex`);
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2));
}

/** The SHA-256 of a file's content, streamed; undefined when the file is not there. */
export async function sha256OfFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return hash.digest('hex');
}
