import { createHash } from 'node:crypto';
import type { StoredEvent } from '../port/event-types';
import { chainHash, eventContent, genesisHash } from './hash-chain';
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
    if (event.revision !== revision || event.prevHash !== prevHash) return chainHash(prevHash, -1, 'missing or relinked event');
    // Stored JSON came from JSON.stringify, so re-serialising the parsed value gives its exact text.
    const content = eventContent(event.eventId, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata));
    return chainHash(prevHash, event.recordedAt.getTime(), content);
  }
}
