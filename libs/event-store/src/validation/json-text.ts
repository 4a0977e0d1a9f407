import { InvalidEventError } from '../errors';

/** Objects nested deeper than this take the slow, cycle-safe path (which also finds cycles). */
const FAST_PATH_MAX_DEPTH = 100;

/**
 * The JSON text of a value, refusing anything JSON cannot carry faithfully (BigInt, functions,
 * symbols, cycles, NaN/Infinity, Dates, Maps and other class instances). The common case costs a
 * type walk plus native JSON.stringify; only a bad value pays for building the path that names it.
 * Members whose value is undefined are dropped, as JSON.stringify does.
 */
export function toJsonText(value: unknown, where: string): string {
  if (isPlainJson(value, 0)) {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  }
  // Deep (or bad) values: the slow walk names any problem; if it finds none, the value is fine.
  throwJsonProblem(value, where, new Set());
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidEventError(where, `is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (text === undefined) throw new InvalidEventError(where, 'is not JSON-serialisable');
  return text;
}

function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > FAST_PATH_MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (const item of value) if (!isPlainJson(item, depth + 1)) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key in value) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined && !isPlainJson(member, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Slow path: walks with paths and cycle tracking, throws at the first problem. */
function throwJsonProblem(value: unknown, where: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidEventError(where, `${value} is not representable in JSON`);
      return;
    case 'bigint':
      throw new InvalidEventError(where, 'is a BigInt, which JSON cannot carry; store it as a string');
    case 'function':
      throw new InvalidEventError(where, 'is a function, which JSON cannot carry');
    case 'symbol':
      throw new InvalidEventError(where, 'is a symbol, which JSON cannot carry');
    case 'undefined':
      throw new InvalidEventError(where, 'is undefined, which JSON cannot carry; use null');
  }
  if (value === null) return;
  const object = value as object;
  if (ancestors.has(object)) throw new InvalidEventError(where, 'refers back to one of its ancestors (a cycle)');
  ancestors.add(object);
  if (Array.isArray(object)) {
    object.forEach((item, index) => throwJsonProblem(item, `${where}[${index}]`, ancestors));
  } else if (!isPlainObject(object)) {
    const kind = (Object.getPrototypeOf(object) as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new InvalidEventError(where, `is a ${kind}, not a plain JSON object; convert it first`);
  } else {
    for (const [key, member] of Object.entries(object)) {
      if (member !== undefined) throwJsonProblem(member, `${where}.${key}`, ancestors);
    }
  }
  ancestors.delete(object);
}
