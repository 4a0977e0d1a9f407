import { createHash } from 'node:crypto';

/**
 * The per-stream hash chain. The SQL function `event_store_append` computes the same thing in the
 * database (see sql/migrations.ts); keep the two in step.
 *   genesis(stream) = sha256("event-store-stream:" + stream)
 *   hash(n)         = sha256(prevHash bytes ‖ sha256(canonical content) bytes ‖ recordedAt epoch ms as text)
 */
export function genesisHash(stream: string): string {
  return createHash('sha256').update(`event-store-stream:${stream}`, 'utf8').digest('hex');
}

export function contentDigest(canonicalContent: string): string {
  return createHash('sha256').update(canonicalContent, 'utf8').digest('hex');
}

export function chainHash(prevHash: string, digest: string, recordedAtMs: number): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(Buffer.from(digest, 'hex'))
    .update(String(recordedAtMs), 'utf8')
    .digest('hex');
}
