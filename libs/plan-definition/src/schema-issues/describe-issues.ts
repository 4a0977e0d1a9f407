import type { z } from 'zod';
import type { KeyPath, UnlocatedError } from '../plan-error';
import { closestMatch } from '../shared/closest-match';
import { allowedKeysAt } from './schema-navigation';

type Issue = z.core.$ZodIssue;

/** Turns zod's issues into sentences about the planner's file, one per problem. */
export function describeIssues(issues: readonly Issue[], schema: z.ZodType, data: unknown, file: string): UnlocatedError[] {
  return issues.flatMap((issue) => describeIssue(issue, [], schema, data, file));
}

function describeIssue(issue: Issue, prefix: KeyPath, schema: z.ZodType, data: unknown, file: string): UnlocatedError[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const at = (message: string, code: UnlocatedError['code']): UnlocatedError[] => [{ file, path, message, code }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path, data);
      return issue.keys.map((key) => ({
        file,
        path: [...path, key],
        message: commaSplitHint(valueAt(data, path), key) ?? `unknown key "${key}"${suggestion(key, allowed)}; allowed keys here: ${allowed.join(', ')}`,
        code: 'unknown-key' as const,
        atKey: true,
      }));
    }
    case 'invalid_type':
      if (issue.input === undefined) return at(`"${String(path[path.length - 1])}" is required here but missing`, 'missing-key');
      return at(`expected ${typeName(issue.expected)}, found ${describeValue(issue.input)}`, 'wrong-type');
    case 'invalid_union':
      return describeUnion(issue, path, schema, data, file);
    case 'invalid_value':
      return at(`must be ${oneOf(issue.values)}, found ${describeValue(issue.input)}`, 'invalid-value');
    case 'too_small':
      return at(tooSmall(issue), 'invalid-value');
    case 'too_big':
      return at(tooBig(issue), 'invalid-value');
    default:
      return at(issue.message, issue.code === 'invalid_format' || issue.code === 'custom' ? 'invalid-value' : 'wrong-type');
  }
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, path: KeyPath, schema: z.ZodType, data: unknown, file: string): UnlocatedError[] {
  if (issue.errors.length === 0) {
    // A discriminated union whose tag matched no option: zod puts the tag last in the path.
    const { options = [], discriminator } = issue as { options?: unknown[]; discriminator?: string };
    const input = issue.input as Record<string, unknown> | undefined;
    const found = discriminator && input && typeof input === 'object' ? input[discriminator] : issue.input;
    return [{ file, path, message: `must be ${oneOf(options)}, found ${found === undefined ? 'nothing' : describeValue(found)}`, code: 'invalid-value' }];
  }
  // Every branch failed at the value itself: the value has none of the allowed shapes.
  if (issue.errors.every((branch) => branch.every((i) => i.path.length === 0 && i.code !== 'unrecognized_keys'))) {
    const expected = issue.errors.map((branch) => expectationOf(branch[0]));
    return [{ file, path, message: `expected ${[...new Set(expected)].join(' or ')}, found ${describeValue(issue.input)}`, code: 'wrong-type' }];
  }
  // Otherwise the branch with the fewest complaints is the one the planner meant.
  const score = (branch: readonly Issue[]) => branch.length + 10 * branch.filter((i) => i.code === 'unrecognized_keys' && i.path.length === 0).length;
  const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0];
  return best.flatMap((inner) => describeIssue(inner, path, schema, data, file));
}

function expectationOf(issue: Issue): string {
  if (issue.code === 'invalid_type') return typeName(issue.expected);
  if (issue.code === 'invalid_value') return oneOf(issue.values);
  return 'a valid value';
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
  };
  return names[expected] ?? expected;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (typeof value === 'string') return `text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? shown[0] : `one of ${shown.join(', ')}`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'array') return issue.message.startsWith('Too small') ? `needs at least ${issue.minimum} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}` : issue.message;
  if (issue.origin === 'string') return issue.message.startsWith('Too small') ? 'must not be empty' : issue.message;
  return `must be at least ${issue.minimum}, found ${describeValue(issue.input)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  if (issue.origin === 'array') return `allows at most ${issue.maximum} entries`;
  if (issue.origin === 'string') return issue.message.startsWith('Too big') ? `is longer than ${issue.maximum} characters` : issue.message;
  return `must be at most ${issue.maximum}, found ${describeValue(issue.input)}`;
}


function suggestion(key: string, allowed: string[]): string {
  const match = closestMatch(key, allowed);
  return match ? ` (did you mean "${match}"?)` : '';
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let value = data;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/**
 * `{ name: 实验小学, 一中 }`: in a flow mapping an ASCII comma ends the value, so "一中" becomes a
 * key with no value. Say to quote the whole value rather than list the allowed keys.
 */
function commaSplitHint(object: unknown, key: string): string | undefined {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const entries = Object.entries(object);
  const at = entries.findIndex(([k]) => k === key);
  if (at <= 0 || entries[at][1] !== null || typeof entries[at - 1][1] !== 'string') return undefined;
  const [previousKey, previousValue] = entries[at - 1] as [string, string];
  return `"${key}" reads as a key with no value: inside { … } an ASCII comma ends a value; if it belongs to "${previousKey}", quote the whole value: ${previousKey}: "${previousValue}, ${key}" (or write the comma as "，")`;
}
