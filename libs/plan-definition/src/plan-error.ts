/** Why a definition was rejected; stable strings, tests and tools match on them. */
export type PlanErrorCode =
  | 'yaml-syntax'
  | 'wrong-type'
  | 'missing-key'
  | 'unknown-key'
  | 'invalid-value'
  | 'dangling-reference'
  | 'duplicate-id'
  | 'overlapping-phases'
  | 'phase-outside-span'
  | 'deadline-outside-span'
  | 'window-reversed'
  | 'span-reversed'
  | 'empty-responsibility'
  | 'missing-liaison'
  | 'departments-file'
  | 'invalid-time-zone'
  | 'class-as-target'
  | 'self-review'
  | 'parent-cycle'
  | 'deadline-before-issue'
  | 'school-calendar-file'
  | 'undated-phase'
  | 'holidays-not-covered';

/** One problem in a definition, located so that an editor can jump to it. */
export interface PlanError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Key path such as "measures[3].responsible.lead"; "" for the document itself. */
  path: string;
  message: string;
  code: PlanErrorCode;
}

export type KeyPath = readonly (string | number)[];

/** A problem found before locations are known: which file, which key path. */
export interface UnlocatedError {
  file: string;
  path: KeyPath;
  message: string;
  code: PlanErrorCode;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
}
