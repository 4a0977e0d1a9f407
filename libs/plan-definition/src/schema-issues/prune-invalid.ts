import type { KeyPath } from '../plan-error';
import { formatKeyPath } from '../source/key-path';
import { isRecord } from './schema-navigation';

/** Data with the entries that failed the schema taken out, so the remaining checks can still run. */
export interface PrunedData {
  data: unknown;
  /** Ids of removed entries: references to them are not reported again as undefined. */
  removedIds: Set<string>;
  /** Top-level sections dropped whole: what they defined is unknown, not missing. */
  droppedSections: Set<string>;
  /** Maps a path in the pruned data back to the path in the file. */
  toOriginalPath(path: KeyPath): KeyPath;
}

/**
 * Per section, values that may stand in for a wrong field that no later check reads (a plan's
 * title or time zone): the reference checks then still run, as `validate` promises one pass.
 */
export type StandIns = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface InvalidSpot {
  path: KeyPath;
  unknownKey?: boolean;
}

/**
 * Drops each unknown key, and the innermost list entry around any other problem (a measure with
 * a wrong type is left out of the reference checks); outside every list, drops the whole top-level
 * section if the schema can do without it. Undefined when a problem sits in a required section
 * outside any list (plan metadata): then the data is too broken to check further.
 */
export function pruneInvalid(
  data: unknown, spots: readonly InvalidSpot[], optionalSections: ReadonlySet<string>, standIns: StandIns = {},
): PrunedData | undefined {
  const copy = structuredClone(data);
  const droppedSections = new Set<string>();
  const removals = new Map<string, { arrayPath: KeyPath; indices: Set<number> }>();
  for (const spot of spots) {
    if (spot.unknownKey) {
      const parent = valueAt(copy, spot.path.slice(0, -1));
      if (isRecord(parent)) delete parent[String(spot.path[spot.path.length - 1])];
      continue;
    }
    const lastIndex = findLastIndex(spot.path, (s) => typeof s === 'number');
    if (lastIndex < 0) {
      const section = String(spot.path[0]);
      const field = spot.path[1];
      const standIn = typeof field === 'string' ? standIns[section]?.[field] : undefined;
      const sectionValue = isRecord(copy) ? copy[section] : undefined;
      if (standIn !== undefined && isRecord(sectionValue)) {
        sectionValue[field as string] = standIn;
        continue;
      }
      if (!optionalSections.has(section) || !isRecord(copy)) return undefined;
      delete copy[section];
      droppedSections.add(section);
      continue;
    }
    const arrayPath = spot.path.slice(0, lastIndex);
    const key = formatKeyPath(arrayPath);
    const entry = removals.get(key) ?? { arrayPath, indices: new Set<number>() };
    entry.indices.add(spot.path[lastIndex] as number);
    removals.set(key, entry);
  }

  const removedIds = new Set<string>();
  const keptIndices = new Map<string, number[]>();
  // Inner lists first, so that removing an outer entry never shifts a path still to be used.
  const ordered = [...removals.entries()].sort(([, a], [, b]) => b.arrayPath.length - a.arrayPath.length);
  for (const [key, { arrayPath, indices }] of ordered) {
    const list = valueAt(copy, arrayPath);
    if (!Array.isArray(list)) continue;
    const kept: number[] = [];
    const remaining = list.filter((item, index) => {
      if (!indices.has(index)) {
        kept.push(index);
        return true;
      }
      if (isRecord(item) && typeof item.id === 'string') removedIds.add(item.id);
      return false;
    });
    list.splice(0, list.length, ...remaining);
    keptIndices.set(key, kept);
  }

  return {
    data: copy,
    removedIds,
    droppedSections,
    toOriginalPath: (path) => {
      const original: (string | number)[] = [];
      for (const segment of path) {
        const kept = typeof segment === 'number' ? keptIndices.get(formatKeyPath(original)) : undefined;
        original.push(kept && typeof segment === 'number' ? (kept[segment] ?? segment) : segment);
      }
      return original;
    },
  };
}

function valueAt(data: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown> | undefined)?.[segment], data);
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}
