import { createHash } from 'node:crypto';
import type { StoredEvent } from '../port/event-types';
import { canonicalJson } from '../validation/canonical-json';
import { canonicalEventContent } from '../validation/validate-append';
import { chainHash, contentDigest, genesisHash } from './hash-chain';
import type { BrokenLink, VerifyReport } from './verify-report';

/** Feed it every event, each stream in revision order (streams may interleave); then ask for the report. */
export class ChainVerifier {
  private readonly streams = new Map<string, { nextRevision: bigint; prevHash: string; broken: boolean }>();
  private readonly brokenLinks: BrokenLink[] = [];
  private eventsChecked = 0;

  check(event: StoredEvent): void {
    this.eventsChecked++;
    let state = this.streams.get(event.stream);
    if (!state) {
      state = { nextRevision: 0n, prevHash: genesisHash(event.stream), broken: false };
      this.streams.set(event.stream, state);
    }
    if (state.broken) return;
    const expected = this.expectedHash(event, state.prevHash, state.nextRevision);
    if (expected !== event.hash) {
      state.broken = true;
      this.brokenLinks.push({ stream: event.stream, revision: event.revision, expected, found: event.hash });
    }
    state.nextRevision = event.revision + 1n;
    state.prevHash = event.hash;
  }

  report(): VerifyReport {
    const heads = createHash('sha256');
    for (const stream of [...this.streams.keys()].sort()) {
      const state = this.streams.get(stream)!;
      heads.update(`${stream}\t${state.nextRevision - 1n}\t${state.prevHash}\n`, 'utf8');
    }
    return {
      streamsChecked: this.streams.size,
      eventsChecked: this.eventsChecked,
      brokenLinks: [...this.brokenLinks],
      headsDigest: heads.digest('hex'),
    };
  }

  private expectedHash(event: StoredEvent, prevHash: string, revision: bigint): string {
    // A missing revision or a rewritten back-link breaks the chain as surely as changed content.
    if (event.revision !== revision || event.prevHash !== prevHash) return chainHash(prevHash, '', 0);
    const content = canonicalEventContent(
      event.eventId,
      event.type,
      event.schemaVersion,
      canonicalJson(event.data, 'data'),
      canonicalJson(event.metadata, 'metadata'),
    );
    return chainHash(prevHash, contentDigest(content), event.recordedAt.getTime());
  }
}
