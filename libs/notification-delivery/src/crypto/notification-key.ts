import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface NotificationKeySource {
  /** NOTIFICATION_KEY_FILE. */
  keyFile?: string;
  dataDir: string;
  /** With a shared database every process must read the same key: no key is generated then. */
  shared: boolean;
}

export class NotificationKeyMissingError extends Error {
  constructor() {
    super('NOTIFICATION_KEY_FILE is required with DATABASE_URL or KURRENTDB_URL (every process must open the same channel secrets): 32 bytes as 64 hex digits or base64');
    this.name = 'NotificationKeyMissingError';
  }
}

function parseKey(text: string, file: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`${file}: the notification secrets key must be 32 bytes (64 hex digits or base64), found ${key.length}`);
  return key;
}

/**
 * Kept like the token signing key: NOTIFICATION_KEY_FILE, or DATA_DIR/keys/notification-secrets.key
 * (created 0600 on first use on the embedded default).
 */
export function loadNotificationKey(source: NotificationKeySource): Buffer {
  if (source.keyFile) return parseKey(readFileSync(source.keyFile, 'utf8'), source.keyFile);
  if (source.shared) throw new NotificationKeyMissingError();
  const file = join(source.dataDir, 'keys', 'notification-secrets.key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8'), file);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8'), file);
}
