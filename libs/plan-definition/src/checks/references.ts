import type { KeyPath } from '../plan-error';
import { closestMatch } from '../shared/closest-match';
import { listSome, type CheckInput, type ErrorCollector } from './check-context';
import { workEntries } from './plan-entries';

type Kind = 'unit' | 'department' | 'phase' | 'programme' | 'role';

/** Every id used anywhere must name something defined; the message lists what is. */
export function checkReferences(input: CheckInput, errors: ErrorCollector): void {
  const { definition: d } = input;
  const ids = (items: { id: string }[]) => [...new Set(items.map((x) => x.id))];
  const defined: Record<Kind, string[]> = {
    department: ids(input.departments.map((x) => x.value)),
    unit: ids([...input.departments, ...input.classes].map((x) => x.value)),
    phase: ids(d.phases),
    programme: ids(d.programmes),
    role: ids(d.roles),
  };
  const known = Object.fromEntries(Object.entries(defined).map(([k, ids]) => [k, new Set(ids)])) as Record<Kind, Set<string>>;

  const expect = (kind: Kind, id: string | undefined, path: KeyPath, file = input.planFile) => {
    if (id === undefined || known[kind].has(id) || input.ignoredIds.has(id)) return;
    if (input.unitsIncomplete && (kind === 'unit' || kind === 'department')) return;
    if (input.programmesIncomplete && kind === 'programme') return;
    const guess = closestMatch(id, defined[kind]);
    const hint = guess ? ` (did you mean "${guess}"?)` : '';
    errors.at(file, path, 'dangling-reference', `${kind} "${id}" is not defined${hint}; defined ${kind}s: ${listSome(defined[kind])}`);
  };
  const expectAll = (kind: Kind, ids: readonly string[] | undefined, path: KeyPath) => ids?.forEach((id, i) => expect(kind, id, [...path, i]));

  expect('department', d.plan.issuingAuthority, ['plan', 'issuingAuthority']);
  for (const c of input.classes) c.value.members?.forEach((m, i) => expect('department', m, [...c.path, 'members', i], c.file));
  for (const dep of input.departments) expect('department', dep.value.parent, [...dep.path, 'parent'], dep.file);

  d.policy.escalation.forEach((level, i) => level.to !== 'liaison' && expect('unit', level.to, ['policy', 'escalation', i, 'to']));
  d.phases.forEach((phase, i) => expectAll('programme', phase.focus, ['phases', i, 'focus']));

  for (const { entry, path, deadline, escalation } of workEntries(d)) {
    if (typeof entry.responsible.lead === 'string') expect('unit', entry.responsible.lead, [...path, 'responsible', 'lead']);
    else if ('role' in entry.responsible.lead) {
      expect('unit', entry.responsible.lead.of, [...path, 'responsible', 'lead', 'of']);
      expect('role', entry.responsible.lead.role, [...path, 'responsible', 'lead', 'role']);
    } else if ('each' in entry.responsible.lead) expect('unit', entry.responsible.lead.each, [...path, 'responsible', 'lead', 'each']);
    else expectAll('unit', entry.responsible.lead, [...path, 'responsible', 'lead']);
    entry.responsible.co.forEach((id, i) => id !== 'liaison' && expect('unit', id, [...path, 'responsible', 'co', i]));
    if (deadline.kind === 'phase') expect('phase', deadline.phase, [...path, 'deadline', 'phase']);
    entry.review?.reviewedBy.forEach((r, i) => r !== 'liaison' && expect('unit', r, [...path, 'review', 'reviewedBy', i]));
    if (entry.review?.submitTo !== 'liaison') expect('unit', entry.review?.submitTo, [...path, 'review', 'submitTo']);
    escalation?.forEach((level, i) => level.to !== 'liaison' && expect('unit', level.to, [...path, 'escalation', i, 'to']));
    if ('programme' in entry) expect('programme', entry.programme, [...path, 'programme']);
    if ('phases' in entry) expectAll('phase', entry.phases, [...path, 'phases']);
  }

  const org = d.organisation;
  const orgPath = (...rest: (string | number)[]): KeyPath => ['organisation', ...rest];
  if (org.leadingGroup) {
    expect('department', org.leadingGroup.id, orgPath('leadingGroup', 'id'));
    if (org.leadingGroup.office !== undefined) expect('department', org.leadingGroup.office, orgPath('leadingGroup', 'office'));
    expectAll('unit', org.leadingGroup.members, orgPath('leadingGroup', 'members'));
  }
  org.workSquads.forEach((squad, i) => {
    expect('department', squad.id, orgPath('workSquads', i, 'id'));
    expectAll('unit', squad.members, orgPath('workSquads', i, 'members'));
  });
  org.liaisons.forEach((liaison, i) => {
    expect('department', liaison.id, orgPath('liaisons', i, 'id'));
    expectAll('unit', liaison.schools, orgPath('liaisons', i, 'schools'));
  });
  d.targets.forEach((t, i) => {
    expectAll('unit', t.appliesTo, ['targets', i, 'appliesTo']);
    if (t.measuredBy?.by !== undefined) expect('unit', t.measuredBy.by, ['targets', i, 'measuredBy', 'by']);
  });
}
