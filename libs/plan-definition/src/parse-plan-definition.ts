import { runDefinitionChecks } from './checks/run-checks';
import { planWarnings } from './checks/warnings';
import type { Located } from './checks/check-context';
import type { PlanError } from './plan-error';
import { DepartmentsFile, PlanDefinition, SchoolCalendarFile, type Department, type DepartmentClass, type SchoolTerm } from './schema';
import { checkAgainstSchema, type AcceptedPart, type SchemaCheck } from './schema-issues/check-against-schema';
import { isRecord } from './schema-issues/schema-navigation';
import { resolveRelativeTo } from './shared/relative-path';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './source/parse-limits';
import { parseSourceDocument, type SourceDocument } from './source/source-document';

/**
 * The plan's metadata fields no cross-reference check reads: when one is wrong, it is reported and
 * a stand-in lets the reference checks run in the same pass. (span and issuingAuthority are read
 * by checks, so a wrong one still stops them: a stand-in there would report false problems.)
 */
const PLAN_METADATA_STAND_INS = {
  plan: { id: 'plan', title: '-', documentNumber: '-', issueDate: '2000-01-01', timeZone: 'Asia/Shanghai', validity: 'in-force', summary: '-' },
};

export interface ParseOptions {
  /** Reads a file the plan refers to (departmentsFile); the CLI passes fs, tests pass a map. */
  readFile?: (path: string) => string;
  /** Size, shape and error-count limits; the defaults suit plans of any real county. */
  limits?: Partial<ParseLimits>;
}

export interface DefinitionSource {
  file: string;
  role: 'plan' | 'departments';
}

export type ParseResult =
  /** `warnings`: what the plan may mean but usually does not (a deadline before its issue date); located like errors. */
  | { ok: true; definition: PlanDefinition; sources: DefinitionSource[]; warnings: PlanError[] }
  /** `unlisted`: problems found beyond the first `limits.maxErrors`, counted but not described. */
  | { ok: false; errors: PlanError[]; unlisted: number };

/**
 * Parses and checks a plan definition (YAML or JSON), reporting every problem at once:
 * syntax, schema, then cross-references over the entries the schema accepted.
 */
export function parsePlanDefinition(text: string, fileName: string, opts: ParseOptions = {}): ParseResult {
  const limits = { ...DEFAULT_PARSE_LIMITS, ...opts.limits };
  const capped = (errors: PlanError[], unlisted = 0): ParseResult => {
    const sorted = sortErrors(errors, fileName);
    return { ok: false, errors: sorted.slice(0, limits.maxErrors), unlisted: unlisted + Math.max(0, sorted.length - limits.maxErrors) };
  };
  const planSource = parseSourceDocument(text, fileName, limits);
  if (planSource.syntaxErrors.length > 0) return capped(planSource.syntaxErrors);
  const data = planSource.data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && !('plan' in data) && ('departments' in data || 'departmentClasses' in data)) {
    // A departments file given where a plan is expected: one message, not "plan is missing", "phases is missing".
    return capped([
      planSource.locate({
        file: fileName,
        path: [],
        code: 'departments-file',
        message: `this is a departments file, not a plan: give the plan that names it in "departmentsFile" (it is checked on its own by \`planledger validate ${fileName}\`)`,
      }),
    ]);
  }
  const plan = checkAgainstSchema(PlanDefinition, planSource, limits.maxErrors, PLAN_METADATA_STAND_INS);
  if (plan.unlisted) return capped(plan.errors, plan.unlisted);
  const departments = loadDepartmentsFile(planSource, fileName, opts, limits);
  const calendarFile = loadSchoolCalendarFile(planSource, fileName, opts, limits);
  const errors = [...plan.errors, ...departments.errors, ...calendarFile.errors];

  if (plan.accepted) {
    const accepted = plan.accepted;
    const dropped = (section: string) => accepted.droppedSections.has(section) || departments.file?.part.droppedSections.has(section);
    const input = {
      ...crossCheckInput(fileName, accepted, departments.file),
      unitsIncomplete: !departments.usable || dropped('departments') || dropped('departmentClasses'),
      programmesIncomplete: dropped('programmes'),
    };
    const sourceFor = (file: string) => (file === fileName ? { source: planSource, part: accepted } : departments.file);
    for (const problem of runDefinitionChecks(input)) {
      const origin = sourceFor(problem.file);
      if (origin) errors.push(origin.source.locate({ ...problem, path: origin.part.toOriginalPath(problem.path) }));
    }
  }

  if (errors.length > 0 || !plan.complete || !plan.accepted) return capped(errors, departments.unlisted);
  const extra = departments.file?.part.value;
  const definition: PlanDefinition = {
    ...plan.accepted.value,
    departments: [...plan.accepted.value.departments, ...(extra?.departments ?? [])],
    departmentClasses: [...plan.accepted.value.departmentClasses, ...(extra?.departmentClasses ?? [])],
  };
  // The file's terms first: where the plan gives the same term itself, the plan's wins.
  if (calendarFile.terms) definition.schoolCalendar = { terms: [...calendarFile.terms, ...(plan.accepted.value.schoolCalendar?.terms ?? [])] };
  const sources: DefinitionSource[] = [{ file: fileName, role: 'plan' }];
  if (departments.file) sources.push({ file: departments.file.source.file, role: 'departments' });
  const accepted = plan.accepted;
  const warnings = planWarnings(definition, fileName).map((w) => planSource.locate({ ...w, path: accepted.toOriginalPath(w.path) }));
  return { ok: true, definition, sources, warnings };
}

interface LoadedDepartments {
  errors: PlanError[];
  /** False when the file was named but could not be used: unit references cannot be checked then. */
  usable: boolean;
  file?: { source: SourceDocument; part: AcceptedPart<DepartmentsFile> };
  unlisted?: number;
}

function loadDepartmentsFile(planSource: SourceDocument, fileName: string, opts: ParseOptions, limits: ParseLimits): LoadedDepartments {
  const named = isRecord(planSource.data) ? planSource.data.departmentsFile : undefined;
  if (typeof named !== 'string') return { errors: [], usable: true };
  const path = resolveRelativeTo(fileName, named);
  const fail = (message: string): LoadedDepartments => ({
    errors: [planSource.locate({ file: fileName, path: ['departmentsFile'], code: 'departments-file', message })],
    usable: false,
  });
  if (!opts.readFile) return fail(`the departments file "${path}" cannot be read here: no file reader was given`);
  let text: string;
  try {
    text = opts.readFile(path);
  } catch {
    return fail(`the departments file "${path}" does not exist or cannot be read`);
  }
  const source = parseSourceDocument(text, path, limits);
  if (source.syntaxErrors.length > 0) return { errors: source.syntaxErrors, usable: false };
  const checked: SchemaCheck<DepartmentsFile> = checkAgainstSchema(DepartmentsFile, source, limits.maxErrors);
  if (!checked.accepted) return { errors: checked.errors, usable: false, unlisted: checked.unlisted };
  return { errors: checked.errors, usable: true, file: { source, part: checked.accepted } };
}

/** schoolCalendarFile: a departments-style separate file holding a schoolCalendar: section (校历). */
function loadSchoolCalendarFile(planSource: SourceDocument, fileName: string, opts: ParseOptions, limits: ParseLimits): { errors: PlanError[]; terms?: SchoolTerm[] } {
  const named = isRecord(planSource.data) ? planSource.data.schoolCalendarFile : undefined;
  if (typeof named !== 'string') return { errors: [] };
  const path = resolveRelativeTo(fileName, named);
  const fail = (message: string) => ({ errors: [planSource.locate({ file: fileName, path: ['schoolCalendarFile'], code: 'school-calendar-file', message })] });
  if (!opts.readFile) return fail(`the school calendar file "${path}" cannot be read here: no file reader was given`);
  let text: string;
  try {
    text = opts.readFile(path);
  } catch {
    return fail(`the school calendar file "${path}" does not exist or cannot be read`);
  }
  const source = parseSourceDocument(text, path, limits);
  if (source.syntaxErrors.length > 0) return { errors: source.syntaxErrors };
  const checked: SchemaCheck<SchoolCalendarFile> = checkAgainstSchema(SchoolCalendarFile, source, limits.maxErrors);
  if (!checked.accepted || !checked.complete || checked.errors.length > 0) return { errors: checked.errors };
  return { errors: [], terms: checked.accepted.value.schoolCalendar.terms };
}

function crossCheckInput(planFile: string, plan: AcceptedPart<PlanDefinition>, departmentsFile: LoadedDepartments['file']) {
  const locate = <T>(items: T[], file: string, key: string): Located<T>[] => items.map((value, i) => ({ value, file, path: [key, i] }));
  const fromFile = departmentsFile?.part.value;
  const fileName = departmentsFile?.source.file ?? '';
  const departments: Located<Department>[] = [
    ...locate(plan.value.departments, planFile, 'departments'),
    ...locate(fromFile?.departments ?? [], fileName, 'departments'),
  ];
  const classes: Located<DepartmentClass>[] = [
    ...locate(plan.value.departmentClasses, planFile, 'departmentClasses'),
    ...locate(fromFile?.departmentClasses ?? [], fileName, 'departmentClasses'),
  ];
  const ignoredIds = new Set([...plan.removedIds, ...(departmentsFile?.part.removedIds ?? [])]);
  return { definition: plan.value, planFile, departments, classes, ignoredIds };
}

function sortErrors(errors: PlanError[], planFile: string): PlanError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.file}:${e.line}:${e.column}:${e.path}:${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => Number(a.file !== planFile) - Number(b.file !== planFile) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
