import type { PlanSchedule } from '../schedule/plan-schedule';

/** A person named to hold a role: the directory's person id, and the name as the roster gave it (for the record). */
export interface RosterPerson {
  personId: string;
  name: string;
}

/**
 * Who holds a role at one unit (班主任 of 一年级一班, 骨干教师 at a school): the whole list from now
 * on. An empty list vacates the role: the work goes back to the unit's head (未指定).
 */
export interface RosterEntry {
  roleId: string;
  unitId: string;
  people: RosterPerson[];
}

/** The roster as it stands: holders by `role@unit`. */
export type Roster = Readonly<Record<string, readonly RosterPerson[]>>;

export const rosterKey = (roleId: string, unitId: string): string => `${roleId}@${unitId}`;

/** Applies one RosterAssigned's entries: each replaces its role@unit's holders; an empty list removes the entry. */
export function applyRosterEntries(roster: Roster, entries: readonly RosterEntry[]): Roster {
  const next: Record<string, readonly RosterPerson[]> = { ...roster };
  for (const { roleId, unitId, people } of entries) {
    const key = rosterKey(roleId, unitId);
    if (people.length === 0) delete next[key];
    else next[key] = people.map((p) => ({ ...p }));
  }
  return next;
}

/** Who holds `roleId` at `unitId` in this roster (empty: nobody named yet). */
export const holdersOf = (roster: Roster | undefined, roleId: string | undefined, unitId: string): readonly RosterPerson[] =>
  roleId === undefined ? [] : (roster?.[rosterKey(roleId, unitId)] ?? []);

/** The roles a schedule's work is held by: what a roster may name. */
export function rolesOf(schedule: PlanSchedule): Set<string> {
  const roles = new Set<string>();
  const add = (o: { role?: string; followOns?: { role?: string }[] }) => {
    if (o.role !== undefined) roles.add(o.role);
    o.followOns?.forEach(add);
  };
  schedule.obligations.forEach(add);
  schedule.eventObligations?.forEach(add);
  return roles;
}

/** Why a roster cannot be recorded against this schedule, entry by entry (empty: it can). */
export function rosterProblems(schedule: PlanSchedule, entries: readonly RosterEntry[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (entries.length === 0) problems.push({ field: 'entries', message: 'the roster names nobody: give at least one role@unit' });
  const roles = rolesOf(schedule);
  const units = new Set(schedule.departments.map((d) => d.id));
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const key = rosterKey(entry.roleId, entry.unitId);
    if (!roles.has(entry.roleId)) {
      const known = [...roles].sort();
      problems.push({ field: `entries[${i}].role`, message: `plan ${schedule.planId} gives no work to role "${entry.roleId}"; its roles: ${known.length === 0 ? '(none)' : known.join(', ')}` });
    }
    if (!units.has(entry.unitId)) problems.push({ field: `entries[${i}].unit`, message: `plan ${schedule.planId} has no unit "${entry.unitId}"` });
    if (seen.has(key)) problems.push({ field: `entries[${i}]`, message: `${key} is named twice; give all its people in one entry` });
    seen.add(key);
    const ids = new Set<string>();
    entry.people.forEach((person, j) => {
      if (ids.has(person.personId)) problems.push({ field: `entries[${i}].people[${j}]`, message: `person "${person.personId}" is listed twice for ${key}` });
      ids.add(person.personId);
    });
  });
  return problems;
}

/** The roster as it stood at `at`: the plan stream's RosterAssigned events up to that instant, folded (an auditor's as-of answer). */
export function rosterAsOf(events: readonly { type: string; at: string; data: unknown }[], at: string): Roster {
  const until = Date.parse(at);
  let roster: Roster = {};
  for (const event of events) {
    if (event.type !== 'RosterAssigned' || Date.parse(event.at) > until) continue;
    roster = applyRosterEntries(roster, (event.data as { entries: RosterEntry[] }).entries);
  }
  return roster;
}
