import { compareGlobalPositions, formatGlobalPosition, parseGlobalPosition } from './global-position';

describe('global positions', () => {
  it('compare by commit, then prepare', () => {
    expect(compareGlobalPositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 1n })).toBeLessThan(0);
    expect(compareGlobalPositions({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 1n })).toBeGreaterThan(0);
    expect(compareGlobalPositions({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 2n })).toBe(0);
  });

  it('round-trip through text checkpoints', () => {
    const position = { commit: 18446744073709551615n, prepare: 42n };
    expect(parseGlobalPosition(formatGlobalPosition(position))).toEqual(position);
    expect(() => parseGlobalPosition('12')).toThrow('not a global position: "12"');
  });
});
