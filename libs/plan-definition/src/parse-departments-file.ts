import type { PlanError } from './plan-error';
import { DepartmentsFile } from './schema';
import { checkAgainstSchema } from './schema-issues/check-against-schema';
import { isRecord } from './schema-issues/schema-navigation';
import { parseSourceDocument } from './source/source-document';

export type DepartmentsFileResult = { ok: true; departments: DepartmentsFile } | { ok: false; errors: PlanError[] };

/** A file holds a departments list (shared by plans) rather than a plan: no `plan`, only units. */
export function looksLikeDepartmentsFile(text: string, fileName: string): boolean {
  const { data } = parseSourceDocument(text, fileName);
  return isRecord(data) && !('plan' in data) && ('departments' in data || 'departmentClasses' in data);
}

/**
 * Checks a departments file on its own: syntax, schema, duplicate ids, and class members that
 * name no unit of the file. Plans that include it check their references against it again.
 */
export function parseDepartmentsFile(text: string, fileName: string): DepartmentsFileResult {
  const source = parseSourceDocument(text, fileName);
  if (source.syntaxErrors.length > 0) return { ok: false, errors: source.syntaxErrors };
  const checked = checkAgainstSchema(DepartmentsFile, source);
  if (!checked.complete || !checked.accepted) return { ok: false, errors: checked.errors };
  const file = checked.accepted.value;
  const errors: PlanError[] = [];
  const seen = new Set<string>();
  const entries = [
    ...file.departments.map((d, i) => ({ id: d.id, path: ['departments', i, 'id'] })),
    ...file.departmentClasses.map((c, i) => ({ id: c.id, path: ['departmentClasses', i, 'id'] })),
  ];
  for (const { id, path } of entries) {
    if (seen.has(id)) errors.push(source.locate({ file: fileName, path, code: 'duplicate-id', message: `id "${id}" is defined twice in this file` }));
    seen.add(id);
  }
  const units = new Set(file.departments.map((d) => d.id));
  file.departmentClasses.forEach((c, i) =>
    (c.members ?? []).forEach((member, j) => {
      if (!units.has(member)) {
        errors.push(source.locate({ file: fileName, path: ['departmentClasses', i, 'members', j], code: 'dangling-reference', message: `unit "${member}" is not defined in this file` }));
      }
    }),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, departments: file };
}
