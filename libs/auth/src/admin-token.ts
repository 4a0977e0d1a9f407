import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const adminTokenFileOf = (dataDir: string): string => join(resolve(dataDir), 'admin-token');

/** The admin token of the embedded default, if one was written before. */
export function readAdminToken(dataDir: string): string | undefined {
  try {
    return readFileSync(adminTokenFileOf(dataDir), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Only the service's user may read it (0600); 'wx' never overwrites a token already handed out. */
export function writeAdminToken(dataDir: string, token: string): string {
  const file = adminTokenFileOf(dataDir);
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}
