import { createHash, randomUUID } from 'node:crypto';

/** Namespace for planledger's name-based event ids (RFC 9562 version 5). */
const NAMESPACE = Buffer.from('6f1c2a4e9b7d4e0f8a3b5c6d7e8f9a0b', 'hex');

/**
 * The same key always gives the same UUID: a timer firing twice, or a reaction replayed after a
 * crash, appends events whose ids the store already holds, and the store treats that as a retry.
 */
export function deterministicEventId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const eventIdsFor = (count: number, idempotencyKey?: string): string[] =>
  Array.from({ length: count }, (_, index) => (idempotencyKey ? deterministicEventId(`${idempotencyKey}#${index}`) : randomUUID()));
