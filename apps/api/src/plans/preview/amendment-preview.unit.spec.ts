import { planDecider, type Obligation, type PlanAmended, type PlanSchedule, type PlanState } from '@planledger/domain';
import { describeAmendment } from './amendment-preview';

const at = '2022-03-01T09:00:00.000+08:00';
const obligation = (measureId: string, departmentId: string, dueAt: string): Obligation => ({
  assignmentId: `${measureId}.${departmentId}.once`, measureId, title: `措施 ${measureId}`, phaseId: 'year-1', departmentId,
  responsibility: 'lead', periodKey: 'once', requiredCount: 1, issueAt: '2021-09-01T00:00:00.000+08:00', dueAt,
  reviewers: [], submitTo: 'office', remindDaysBefore: [7], escalation: [],
});
const phase = (phaseId: string, order: number, opensAt: string, closesAt: string) => ({ phaseId, name: `阶段 ${phaseId}`, kind: 'stage' as const, order, opensAt, closesAt, focus: [] });

const before: PlanSchedule = {
  planId: 'demo', title: '示例', documentNumber: '1', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2022-08-31T23:59:59.999+08:00',
  departments: [{ id: 'school-a', name: '甲校', kind: 'school' }, { id: 'school-b', name: '乙校', kind: 'school' }],
  phases: [
    phase('open-one', 0, '2021-09-01T00:00:00.000+08:00', '2022-03-31T23:59:59.999+08:00'),
    phase('later', 1, '2022-04-01T00:00:00.000+08:00', '2022-06-30T23:59:59.999+08:00'),
    phase('last', 2, '2022-07-01T00:00:00.000+08:00', '2022-08-31T23:59:59.999+08:00'),
  ],
  obligations: [
    obligation('gone-open', 'school-a', '2022-03-20T23:59:59.999+08:00'),
    obligation('gone-unissued', 'school-a', '2022-06-20T23:59:59.999+08:00'),
    obligation('gone-done', 'school-b', '2022-01-20T23:59:59.999+08:00'),
    obligation('moved-open', 'school-b', '2022-03-25T23:59:59.999+08:00'),
    obligation('moved-done', 'school-b', '2022-02-25T23:59:59.999+08:00'),
  ],
};
const after: PlanSchedule = {
  ...before,
  // "open-one" is dropped while running; "later" moves a week; "last" is dropped before it opens.
  phases: [phase('later', 1, '2022-04-08T00:00:00.000+08:00', '2022-06-30T23:59:59.999+08:00')],
  obligations: [
    { ...obligation('moved-open', 'school-b', '2022-04-15T23:59:59.999+08:00') },
    { ...obligation('moved-done', 'school-b', '2022-04-15T23:59:59.999+08:00') },
    obligation('new', 'school-a', '2022-05-10T23:59:59.999+08:00'),
  ],
};
const statuses: Record<string, string> = {
  'gone-open.school-a.once': 'in_progress', 'gone-done.school-b.once': 'accepted', 'moved-open.school-b.once': 'issued', 'moved-done.school-b.once': 'accepted',
};
const phaseStatuses: Record<string, string> = { 'open-one': 'open', later: 'scheduled', last: 'scheduled' };

function amend(): PlanAmended {
  const state: PlanState = { ...planDecider.initialState(), status: 'published', planId: 'demo', schedule: before };
  const decision = planDecider.decide({ type: 'AmendPlan', data: { planId: 'demo', schedule: after, reason: 'preview' }, metadata: { actor: { userId: 'p', role: 'planner' }, at } }, state);
  if (!decision.ok) throw new Error(decision.error.message);
  return decision.events[0] as PlanAmended;
}

describe('describeAmendment', () => {
  const preview = describeAmendment(before, amend(), (id) => (statuses[id] ?? 'not_issued') as never, (id) => (phaseStatuses[id] ?? 'unscheduled') as never);

  it('given open, unissued and finished work, then open work is cancelled or re-dated, unissued work dropped, finished work left out', () => {
    const changes = Object.fromEntries(preview.departments.flatMap((d) => d.assignments.map((a) => [a.assignmentId, `${a.change}:${a.status}`])));
    expect(changes).toEqual({
      'gone-open.school-a.once': 'cancelled:in_progress',
      'gone-unissued.school-a.once': 'dropped:not_issued',
      'new.school-a.once': 'added:not_issued',
      'moved-open.school-b.once': 'redated:issued',
    });
    expect(preview.counts).toMatchObject({ cancelled: 1, dropped: 1, added: 1, redated: 1 });
    expect(preview.departments.map((d) => [d.name, d.counts])).toEqual([
      ['甲校', { cancelled: 1, redated: 0, added: 1, dropped: 1 }],
      ['乙校', { cancelled: 0, redated: 1, added: 0, dropped: 0 }],
    ]);
  });

  it('given phases, then a running one dropped is ended now, a scheduled one dropped is cancelled, a moved one shows both windows', () => {
    expect(preview.phases.map((p) => [p.phaseId, p.change, p.status])).toEqual([
      ['later', 'moved', 'scheduled'], ['open-one', 'closed', 'open'], ['last', 'cancelled', 'scheduled'],
    ]);
    expect(preview.phases[0].from?.opensAt).toBe('2022-04-01T00:00:00.000+08:00');
    expect(preview.phases[0].to?.opensAt).toBe('2022-04-08T00:00:00.000+08:00');
    expect(preview.counts).toMatchObject({ phasesMoved: 1, phasesClosed: 1, phasesCancelled: 1, phasesAdded: 0 });
    expect(preview).toMatchObject({ amendment: 1, inForceAt: at });
  });
});
