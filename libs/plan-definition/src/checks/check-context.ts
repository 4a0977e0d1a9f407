import type { KeyPath, PlanErrorCode, UnlocatedError } from '../plan-error';
import type { Department, DepartmentClass, PlanDefinition } from '../schema';

/** An entry together with where it was written: the plan file or the departments file. */
export interface Located<T> {
  value: T;
  file: string;
  path: KeyPath;
}

/** What the cross-reference checks look at, after the schema has accepted each entry. */
export interface CheckInput {
  definition: PlanDefinition;
  planFile: string;
  departments: Located<Department>[];
  classes: Located<DepartmentClass>[];
  /** Entries left out for schema errors: references to them were not the planner's mistake. */
  ignoredIds: ReadonlySet<string>;
  /** Departments or classes could not be read in full: references to units cannot be judged. */
  unitsIncomplete?: boolean;
  /** The programmes section could not be read: references to programmes cannot be judged. */
  programmesIncomplete?: boolean;
}

export class ErrorCollector {
  readonly errors: UnlocatedError[] = [];

  constructor(private readonly planFile: string) {}

  inPlan(path: KeyPath, code: PlanErrorCode, message: string): void {
    this.errors.push({ file: this.planFile, path, code, message });
  }

  at(file: string, path: KeyPath, code: PlanErrorCode, message: string): void {
    this.errors.push({ file, path, code, message });
  }
}

/** "a, b, c (and 12 more)": long lists of schools would drown the message. */
export function listSome(items: readonly string[], limit = 12): string {
  if (items.length === 0) return '(none)';
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} (and ${items.length - limit} more)` : shown;
}
