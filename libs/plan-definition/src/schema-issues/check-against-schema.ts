import type { z } from 'zod';
import type { KeyPath, PlanError } from '../plan-error';
import type { SourceDocument } from '../source/source-document';
import { describeIssues } from './describe-issues';
import { pruneInvalid, type StandIns } from './prune-invalid';
import { optionalTopLevelKeys } from './schema-navigation';

/** The part of a file the schema accepted, with a way back to the file's own key paths. */
export interface AcceptedPart<T> {
  value: T;
  removedIds: ReadonlySet<string>;
  droppedSections: ReadonlySet<string>;
  toOriginalPath(path: KeyPath): KeyPath;
}

export interface SchemaCheck<T> {
  errors: PlanError[];
  /** Undefined when the file is too broken for the cross-reference checks. */
  accepted?: AcceptedPart<T>;
  /** True when the whole file passed the schema. */
  complete: boolean;
  /** Problems found but not described: more than the limit were found. */
  unlisted?: number;
}

/**
 * Beyond `maxErrors` problems only the first ones are described and the rest counted: describing
 * and locating tens of thousands of problems cost seconds and megabytes that no reader uses. The
 * cross-reference checks are then skipped too (the file has more than enough to fix first).
 */
export function checkAgainstSchema<S extends z.ZodType>(schema: S, source: SourceDocument, maxErrors = Infinity, standIns: StandIns = {}): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) {
    return { errors: [], complete: true, accepted: { value: result.data, removedIds: new Set(), droppedSections: new Set(), toOriginalPath: (p) => p } };
  }
  const issues = result.error.issues;
  const found = issues.reduce((n, issue) => n + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
  if (found > maxErrors) {
    const described = describeIssues(firstIssues(issues, maxErrors), schema, source.data, source.file).slice(0, maxErrors);
    return { errors: described.map((p) => source.locate(p)), complete: false, unlisted: found - described.length };
  }
  const problems = describeIssues(issues, schema, source.data, source.file);
  const errors = problems.map((p) => source.locate(p));
  const spots = problems.map((p) => ({ path: p.path, unknownKey: p.code === 'unknown-key' }));
  const pruned = pruneInvalid(source.data, spots, optionalTopLevelKeys(schema), standIns);
  const retry = pruned && schema.safeParse(pruned.data);
  if (!pruned || !retry?.success) return { errors, complete: false };
  return { errors, complete: false, accepted: { value: retry.data, removedIds: pruned.removedIds, droppedSections: pruned.droppedSections, toOriginalPath: pruned.toOriginalPath } };
}

/** Issues in zod's order (the file's order) up to about `count` problems. */
function firstIssues(issues: readonly z.core.$ZodIssue[], count: number): z.core.$ZodIssue[] {
  const first: z.core.$ZodIssue[] = [];
  let problems = 0;
  for (const issue of issues) {
    if (problems >= count) break;
    first.push(issue);
    problems += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
  }
  return first;
}
