import type { PlanError } from './plan-error';
import { RosterFile } from './schema';
import { checkAgainstSchema } from './schema-issues/check-against-schema';
import { parseSourceDocument } from './source/source-document';

/** One role@unit with its people as a roster file names them (a name may be left to the directory). */
export interface ParsedRosterEntry {
  roleId: string;
  unitId: string;
  people: { personId: string; name?: string }[];
  /** 1-based line of the entry in its file, for errors found later against the plan. */
  line: number;
}

export type RosterFileResult = { ok: true; planId?: string; entries: ParsedRosterEntry[] } | { ok: false; errors: PlanError[] };

/**
 * Checks a roster file on its own: syntax, schema, a role@unit named twice, a person listed twice
 * for one role. Whether the plan has the role and the unit is checked when it is set on a plan
 * (the plan decider), where the entry's line is known from `line`.
 */
export function parseRosterFile(text: string, fileName: string): RosterFileResult {
  const source = parseSourceDocument(text, fileName);
  if (source.syntaxErrors.length > 0) return { ok: false, errors: source.syntaxErrors };
  const checked = checkAgainstSchema(RosterFile, source);
  if (!checked.complete || !checked.accepted) return { ok: false, errors: checked.errors };
  const file = checked.accepted.value;
  const errors: PlanError[] = [];
  const seen = new Map<string, number>();
  const entries = file.roster.map((entry, i): ParsedRosterEntry => {
    const key = `${entry.role}@${entry.unit}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(source.locate({ file: fileName, path: ['roster', i], code: 'duplicate-id', message: `${key} is already named by roster[${first}]; give all its people in one entry` }));
    }
    seen.set(key, i);
    const ids = new Set<string>();
    const people = entry.people.map((person, j) => {
      const parsed = typeof person === 'string' ? { personId: person } : { personId: person.id, ...(person.name === undefined ? {} : { name: person.name }) };
      if (ids.has(parsed.personId)) errors.push(source.locate({ file: fileName, path: ['roster', i, 'people', j], code: 'duplicate-id', message: `person "${parsed.personId}" is listed twice for ${key}` }));
      ids.add(parsed.personId);
      return parsed;
    });
    return { roleId: entry.role, unitId: entry.unit, people, line: source.locate({ file: fileName, path: ['roster', i], code: 'invalid-value', message: '' }).line };
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ...(file.plan === undefined ? {} : { planId: file.plan }), entries };
}
