import { contentDigest } from '../hashing/hash-chain';
import type { NormalisedExpectedRevision, PreparedEvent } from '../validation/validate-append';

/** Parameters of statements.APPEND for a validated batch. */
export function appendParameters(stream: string, expected: NormalisedExpectedRevision, events: readonly PreparedEvent[]): unknown[] {
  const [kind, exact] = typeof expected === 'bigint' ? ['exact', expected.toString()] : [expected, null];
  return [stream, kind, exact, batchJson(events)];
}

/** One JSON parameter for the whole batch; data/metadata are spliced in as already-serialised text. */
function batchJson(events: readonly PreparedEvent[]): string {
  const parts = events.map(
    (event) =>
      `{"eventId":"${event.eventId}","type":${JSON.stringify(event.type)},"schemaVersion":${event.schemaVersion},` +
      `"digest":"${contentDigest(event.canonicalContent)}","data":${event.dataJson},"metadata":${event.metadataJson}}`,
  );
  return `[${parts.join(',')}]`;
}
