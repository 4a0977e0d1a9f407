import { InvalidEventError } from '../errors';

/**
 * JSON with object keys sorted at every level and no whitespace: the same value always gives the
 * same text, which is what the hash chain needs. Throws InvalidEventError naming the exact path of
 * anything JSON cannot carry faithfully (BigInt, functions, cycles, NaN, class instances...).
 */
export function canonicalJson(value: unknown, where: string): string {
  return write(value, where, new Set());
}

function write(value: unknown, where: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidEventError(where, `${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'bigint':
      throw new InvalidEventError(where, 'is a BigInt, which JSON cannot carry; store it as a string');
    case 'function':
      throw new InvalidEventError(where, 'is a function, which JSON cannot carry');
    case 'symbol':
      throw new InvalidEventError(where, 'is a symbol, which JSON cannot carry');
    case 'undefined':
      throw new InvalidEventError(where, 'is undefined, which JSON cannot carry; use null');
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new InvalidEventError(where, 'refers back to one of its ancestors (a cycle)');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item, index) => write(item, `${where}[${index}]`, ancestors)).join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = prototype?.constructor?.name ?? 'object';
      throw new InvalidEventError(where, `is a ${kind}, not a plain JSON object; convert it first`);
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      // JSON.stringify drops undefined members; do the same so stored text and hash agree.
      if (record[key] === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(record[key], `${where}.${key}`, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}
