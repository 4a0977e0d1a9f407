import type { KeyPath } from '../plan-error';
import { leadsOf } from '../schema';
import { listSome, type CheckInput, type ErrorCollector } from './check-context';
import { workEntries } from './plan-entries';
import { unitResolver } from './unit-resolution';

/**
 * Every class must stand for somebody, every measure must reach at least one department, and a
 * draft reviewed by (or escalated to) "liaison" needs a liaison (包校) for each school that drafts it.
 */
export function checkResponsibilities(input: CheckInput, errors: ErrorCollector): void {
  if (input.unitsIncomplete) return;
  const departments = input.departments.map((d) => d.value);
  const units = unitResolver(departments, input.classes.map((c) => c.value));

  for (const c of input.classes) {
    if (units.membersOf(c.value).length > 0) continue;
    const why = c.value.membersOfKind
      ? `no department is of kind "${c.value.membersOfKind}"`
      : 'list its members, or name membersOfKind';
    errors.at(c.file, [...c.path, c.value.membersOfKind ? 'membersOfKind' : 'members'], 'empty-responsibility', `class "${c.value.id}" has no members: ${why}`);
  }

  const liaisonOf = new Map<string, string>();
  for (const liaison of input.definition.organisation.liaisons) {
    for (const school of liaison.schools) for (const id of units.resolve(school) ?? []) liaisonOf.set(id, liaison.id);
  }

  const policyLiaison = input.definition.policy.escalation.findIndex((level) => level.to === 'liaison');
  for (const { entry, path, escalation } of workEntries(input.definition)) {
    const leads = leadsOf(entry.responsible);
    const named = [...leads, ...entry.responsible.co.filter((id) => id !== 'liaison')];
    const resolved = named.map((id) => units.resolve(id));
    if (resolved.every((r) => r === undefined)) continue;
    if (resolved.every((r) => r === undefined || r.length === 0)) {
      errors.inPlan([...path, 'responsible'], 'empty-responsibility', `"${entry.id}" resolves to nobody: ${named.join(', ')} ${named.length === 1 ? 'has' : 'have'} no members`);
      continue;
    }
    leads.forEach((lead, i) => {
      const members = resolved[i];
      if (members === undefined || members.length > 0) return;
      const lead0 = entry.responsible.lead;
      const at: KeyPath = typeof lead0 === 'string' ? [...path, 'responsible', 'lead'] : Array.isArray(lead0) ? [...path, 'responsible', 'lead', i] : [...path, 'responsible', 'lead', 'role' in lead0 ? 'of' : 'each'];
      errors.inPlan(at, 'empty-responsibility', `the lead unit "${lead}" of "${entry.id}" has no members, so nobody leads this measure${leads.length > 1 ? ' for it' : ''}`);
    });
    const leadMembers = resolved.slice(0, leads.length).flatMap((r) => r ?? []);
    if (entry.review?.reviewedBy.includes('liaison')) checkLiaisons(entry.id, 'is reviewed by', leadMembers, liaisonOf, [...path, 'review', 'reviewedBy'], errors);
    if (entry.review?.submitTo === 'liaison') checkLiaisons(entry.id, 'is submitted to', leadMembers, liaisonOf, [...path, 'review', 'submitTo'], errors);
    if (entry.responsible.co.includes('liaison')) checkLiaisons(entry.id, 'names as co-responsible', leadMembers, liaisonOf, [...path, 'responsible', 'co'], errors);
    // 督办 to the liaison: the measure's own levels, else the policy's (reported at the measure, whose leads are uncovered).
    const ownLiaison = escalation?.findIndex((level) => level.to === 'liaison') ?? -1;
    if (ownLiaison >= 0) checkLiaisons(entry.id, 'escalates to', leadMembers, liaisonOf, [...path, 'escalation', ownLiaison, 'to'], errors);
    else if (escalation === undefined && policyLiaison >= 0) {
      checkLiaisons(entry.id, `escalates (policy.escalation[${policyLiaison}]) to`, leadMembers, liaisonOf, [...path, 'responsible'], errors);
    }
  }
}

function checkLiaisons(
  entryId: string,
  relation: string,
  drafters: readonly string[],
  liaisonOf: ReadonlyMap<string, string>,
  path: KeyPath,
  errors: ErrorCollector,
): void {
  const uncovered = drafters.filter((id) => !liaisonOf.has(id));
  if (uncovered.length === 0) return;
  errors.inPlan(path, 'missing-liaison', `"${entryId}" ${relation} the drafter's liaison (包校), but no liaison covers ${listSome(uncovered.map((s) => `"${s}"`))}; add them to organisation.liaisons`);
}
