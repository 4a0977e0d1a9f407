import type { GlobalPosition } from './event-types';

export const START_POSITION: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function compareGlobalPositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Text form for checkpoints kept outside the store, e.g. "812:4411". */
export function formatGlobalPosition(position: GlobalPosition): string {
  return `${position.commit}:${position.prepare}`;
}

export function parseGlobalPosition(text: string): GlobalPosition {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new RangeError(`not a global position: "${text}" (expected "<commit>:<prepare>")`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
