import type { StoredEvent } from '../port/event-types';
import { ChainVerifier } from './chain-verifier';
import { chainHash, eventContent, genesisHash } from './hash-chain';

function chain(stream: string, datas: unknown[]): StoredEvent[] {
  let prevHash = genesisHash(stream);
  return datas.map((data, n) => {
    const eventId = `00000000-0000-4000-8000-00000000000${n}`;
    const recordedAt = new Date(1_700_000_000_000 + n);
    const content = eventContent(eventId, 'T', 1, JSON.stringify(data), '{}');
    const hash = chainHash(prevHash, recordedAt.getTime(), content);
    const event: StoredEvent = { stream, revision: BigInt(n), eventId, type: 'T', schemaVersion: 1, data, metadata: {}, recordedAt, prevHash, hash, position: { commit: 1n, prepare: BigInt(n) } };
    prevHash = hash;
    return event;
  });
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and digests the heads independently of interleaving', () => {
    const a = chain('a', [1, 2, 3]);
    const b = chain('b', [4]);
    const first = new ChainVerifier();
    [...a, ...b].forEach((event) => first.check(event));
    const second = new ChainVerifier();
    [b[0], a[0], a[1], a[2]].forEach((event) => second.check(event));
    expect(first.report()).toEqual(second.report());
    expect(first.report()).toMatchObject({ streamsChecked: 2, eventsChecked: 4, brokenLinks: [] });
  });

  it('reports only the first broken link of a stream', () => {
    const events = chain('a', [1, 2, 3, 4]);
    events[1] = { ...events[1], data: 20 };
    events[2] = { ...events[2], type: 'Changed' };
    const verifier = new ChainVerifier();
    events.forEach((event) => verifier.check(event));
    const { brokenLinks } = verifier.report();
    expect(brokenLinks).toHaveLength(1);
    expect(brokenLinks[0]).toMatchObject({ stream: 'a', revision: 1n, found: events[1].hash });
  });

  it('catches a removed event and a changed recorded time', () => {
    const events = chain('a', [1, 2, 3]);
    const gap = new ChainVerifier();
    [events[0], events[2]].forEach((event) => gap.check(event));
    expect(gap.report().brokenLinks[0]).toMatchObject({ revision: 2n });

    const retimed = new ChainVerifier();
    [events[0], { ...events[1], recordedAt: new Date(0) }].forEach((event) => retimed.check(event));
    expect(retimed.report().brokenLinks[0]).toMatchObject({ revision: 1n });
  });
});
