/**
 * Plan bodies an attacker or a runaway script could send, sized in characters. Shared by the
 * limit tests, the service's reliability tests and `npm run bench:parse`.
 */
export const hostilePlans = {
  /** One mapping with `keys` keys under `plan:` (the 389 KB case: 40,000 keys). */
  wideMap: (keys: number): string => `plan:\n${Array.from({ length: keys }, (_, i) => `  key${i}: ${i}`).join('\n')}\n`,
  /** A JSON plan whose `measures` list has `items` entries, each with an unknown key and none of the required ones. */
  longJsonList: (items: number): string => JSON.stringify({ measures: Array.from({ length: items }, (_, i) => ({ id: `m${i}`, colour: i })) }),
  /** Mappings nested `depth` levels deep. */
  deepNesting: (depth: number): string => `plan: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
  /** "Billion laughs": ten aliases per level, nine levels, 10⁹ values when expanded. */
  aliasBomb: (): string => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\nplan: *a8\n`;
  },
  /**
   * Many measures each with unknown keys and wrong types, every mapping and list within the
   * limits: the work is in checking, not in refusing the shape.
   */
  manyBadMeasures: (measures: number): string =>
    `plan: { id: x }\nmeasures:\n${Array.from({ length: measures }, (_, i) => `  - { id: m${i}, titel: 举措${i}, deadline: { kind: yearly, month: thirteen }, responsible: nobody }`).join('\n')}\n`,
};


