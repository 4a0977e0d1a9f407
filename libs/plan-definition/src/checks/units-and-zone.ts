import { leadsOf } from '../schema/plan-definition.schema';
import type { KeyPath } from '../plan-error';
import type { CheckInput, ErrorCollector } from './check-context';
import { workEntries } from './plan-entries';

/** Whether the runtime knows the IANA zone; "Asia/Shanghai" yes, "Beijing" or "UTC+8" no. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The plan's time zone must be a real IANA zone: otherwise no instant can be computed. */
export function checkTimeZone({ definition: d }: CheckInput, errors: ErrorCollector): void {
  if (!isKnownTimeZone(d.plan.timeZone)) {
    errors.inPlan(['plan', 'timeZone'], 'invalid-time-zone', `time zone "${d.plan.timeZone}" is not a known IANA zone; write e.g. "Asia/Shanghai"`);
  }
}

/**
 * Reviewers, the unit work is submitted to and escalation targets act as one department: a
 * class ("all schools") cannot review or be escalated to. A department may not review work it
 * leads, nor may a class member review work its class leads.
 */
export function checkReviewAndEscalationTargets(input: CheckInput, errors: ErrorCollector): void {
  const { definition: d } = input;
  const classes = new Map(input.classes.map((c) => [c.value.id, c.value]));
  const kindOf = new Map(input.departments.map((x) => [x.value.id, x.value.kind]));
  const membersOf = (unit: string): Set<string> => {
    const cls = classes.get(unit);
    if (!cls) return new Set([unit]);
    const members = new Set(cls.members ?? []);
    if (cls.membersOfKind) for (const [id, kind] of kindOf) if (kind === cls.membersOfKind) members.add(id);
    return members;
  };
  const notAClass = (id: string, path: KeyPath, role: string) => {
    if (!classes.has(id)) return true;
    errors.inPlan(path, 'class-as-target', `${role} "${id}" is a department class; name one department (a unit), e.g. the bureau office`);
    return false;
  };

  d.policy.escalation.forEach((level, i) => notAClass(level.to, ['policy', 'escalation', i, 'to'], 'escalation target'));
  for (const { entry, path, escalation } of workEntries(d)) {
    escalation?.forEach((level, i) => notAClass(level.to, [...path, 'escalation', i, 'to'], 'escalation target'));
    if (!entry.review) continue;
    // The lead drafts the work that is reviewed; co-responsible units (配合) may review it, as
    // the county plan's 县公安局 does for the townships' school-bus duty.
    const responsible = new Set(leadsOf(entry.responsible).flatMap((lead) => [...membersOf(lead)]));
    const reviewers: [string, KeyPath, string][] = [
      ...entry.review.reviewedBy.flatMap((r, i): [string, KeyPath, string][] => (r === 'liaison' ? [] : [[r, [...path, 'review', 'reviewedBy', i], 'reviewer']])),
      [entry.review.submitTo, [...path, 'review', 'submitTo'], 'submitTo'],
    ];
    for (const [id, at, role] of reviewers) {
      if (notAClass(id, at, role) && responsible.has(id)) {
        errors.inPlan(at, 'self-review', `"${id}" would review its own work on "${entry.id}": it leads it; name another unit`);
      }
    }
  }
}

/** A department's parent chain must end at the top: a cycle has no superior to escalate to. */
export function checkParentCycles(input: CheckInput, errors: ErrorCollector): void {
  const byId = new Map(input.departments.map((x) => [x.value.id, x]));
  const reported = new Set<string>();
  for (const start of input.departments) {
    const chain: string[] = [];
    let id: string | undefined = start.value.id;
    while (id !== undefined && byId.has(id) && !chain.includes(id)) {
      chain.push(id);
      id = byId.get(id)?.value.parent;
    }
    if (id === undefined || id !== start.value.id || reported.has(id)) continue;
    chain.forEach((member) => reported.add(member));
    errors.at(start.file, [...start.path, 'parent'], 'parent-cycle', `departments' parents form a cycle: ${[...chain, id].join(' → ')}; the top department has no parent`);
  }
}
