/**
 * How big and how deep a plan file may be. A county's plan is far inside every limit (the
 * Lianyun plan: 60 KB, 120 entries in its longest list, depth 7, no aliases); the limits exist
 * so that one upload cannot make parsing or checking take minutes or gigabytes.
 */
export interface ParseLimits {
  /** Characters of one file (the plan, or a departments file it includes). */
  maxCharacters: number;
  /** Keys in one mapping. No mapping of the plan language has more than 20 keys. */
  maxKeysPerMap: number;
  /** Entries in one list (measures, departments, deliverables …). */
  maxItemsPerList: number;
  /** Nesting of mappings and lists. */
  maxDepth: number;
  /** YAML aliases (`*name`) in one file, and the expansion budget they may use when resolved. */
  maxAliases: number;
  /** Problems listed in one answer; the rest are counted, not described. */
  maxErrors: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxCharacters: 5 * 1024 * 1024,
  maxKeysPerMap: 200,
  maxItemsPerList: 20_000,
  maxDepth: 32,
  maxAliases: 100,
  maxErrors: 100,
};
