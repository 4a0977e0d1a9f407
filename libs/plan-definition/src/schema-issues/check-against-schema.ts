import type { z } from 'zod';
import type { KeyPath, PlanError } from '../plan-error';
import type { SourceDocument } from '../source/source-document';
import { describeIssues } from './describe-issues';
import { pruneInvalid } from './prune-invalid';
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
}

export function checkAgainstSchema<S extends z.ZodType>(schema: S, source: SourceDocument): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) {
    return { errors: [], complete: true, accepted: { value: result.data, removedIds: new Set(), droppedSections: new Set(), toOriginalPath: (p) => p } };
  }
  const problems = describeIssues(result.error.issues, schema, source.data, source.file);
  const errors = problems.map((p) => source.locate(p));
  const spots = problems.map((p) => ({ path: p.path, unknownKey: p.code === 'unknown-key' }));
  const pruned = pruneInvalid(source.data, spots, optionalTopLevelKeys(schema));
  const retry = pruned && schema.safeParse(pruned.data);
  if (!pruned || !retry?.success) return { errors, complete: false };
  return { errors, complete: false, accepted: { value: retry.data, removedIds: pruned.removedIds, droppedSections: pruned.droppedSections, toOriginalPath: pruned.toOriginalPath } };
}
