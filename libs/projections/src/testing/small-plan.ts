import type { Obligation, PlanSchedule, ScheduledPhase } from '@planledger/domain';
import { obligation as fixtureObligation, scheduledPhase } from '@planledger/domain/testing';

/** A plan small enough to read: two phases, five obligations, two schools. */
export const PLAN_ID = 'proj-test';

/** The domain's fixture obligation, named after its id and due on 1 March. */
export const obligation = (over: Partial<Obligation> & Pick<Obligation, 'assignmentId'>): Obligation =>
  fixtureObligation({ measureId: over.assignmentId.split('.')[0], title: `任务 ${over.assignmentId}`, dueAt: '2022-03-01T00:00:00.000Z', ...over });

const phase = (over: Partial<ScheduledPhase> & Pick<ScheduledPhase, 'phaseId'>): ScheduledPhase =>
  scheduledPhase({ name: over.phaseId, focus: [], ...over });

export const smallSchedule = (over: Partial<PlanSchedule> = {}): PlanSchedule => ({
  planId: PLAN_ID,
  title: '质量提升行动计划',
  documentNumber: '教〔2022〕1號',
  issuingAuthority: 'bureau',
  timeZone: 'Asia/Shanghai',
  startsAt: '2021-08-31T16:00:00.000Z',
  endsAt: '2022-08-31T15:59:59.999Z',
  escalationDefault: 'leading-group',
  departments: [
    { id: 'bureau', name: '教育局', kind: 'bureau' },
    { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
    { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' },
  ],
  phases: [
    phase({ phaseId: 'mobilise', name: '动员阶段' }),
    phase({ phaseId: 'implement', name: '实施阶段', order: 2, opensAt: '2022-04-01T00:00:00.000Z', closesAt: '2022-07-01T00:00:00.000Z' }),
  ],
  obligations: [
    obligation({ assignmentId: 'm1.school-a.once' }),
    obligation({ assignmentId: 'm2.school-a.once', dueAt: '2022-03-05T00:00:00.000Z' }),
    obligation({ assignmentId: 'm3.school-a.2022', phaseId: 'implement', periodKey: '2022', issueAt: '2022-04-01T00:00:00.000Z', dueAt: '2022-06-01T00:00:00.000Z' }),
    obligation({ assignmentId: 'm4.school-a.2022', phaseId: 'implement', periodKey: '2022', issueAt: '2022-04-01T00:00:00.000Z', dueAt: '2022-06-01T00:00:00.000Z' }),
    obligation({ assignmentId: 'm1.school-b.once', departmentId: 'school-b' }),
  ],
  ...over,
});
