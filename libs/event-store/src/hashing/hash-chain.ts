import { createHash } from 'node:crypto';

/**
 * The per-stream hash chain (computed when appending, recomputed by verify):
 *   genesis(stream) = sha256("event-store-stream:" + stream)
 *   hash(event)     = sha256(prevHash + "\n" + recordedAt epoch ms + "\n" + content)
 * where content is eventContent(...) below: the event's JSON, metadata included.
 */
export function genesisHash(stream: string): string {
  return createHash('sha256').update(`event-store-stream:${stream}`, 'utf8').digest('hex');
}

export function chainHash(prevHash: string, recordedAtMs: number, content: string): string {
  return createHash('sha256').update(`${prevHash}\n${recordedAtMs}\n`, 'utf8').update(content, 'utf8').digest('hex');
}

/**
 * The event content the chain covers. dataJson/metadataJson are the exact stored JSON texts; as
 * they were produced by JSON.stringify, parsing and re-serialising gives the same text back.
 */
export function eventContent(eventId: string, type: string, schemaVersion: number, dataJson: string, metadataJson: string): string {
  return `{"data":${dataJson},"eventId":${JSON.stringify(eventId)},"metadata":${metadataJson},"schemaVersion":${schemaVersion},"type":${JSON.stringify(type)}}`;
}
