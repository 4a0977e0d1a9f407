import { allowedAssignmentCommands, type AssignmentStatus } from '@planledger/domain';
import type { AssignmentView } from './assignment-view';
import { buildPlanOverview, type PlanOverviewParts } from './plan-overview';

const view = (assignmentId: string, dueAt: string, status: AssignmentStatus, phaseId: string | null, departmentId: string): AssignmentView => ({
  planId: 'p', assignmentId, ref: `p.${assignmentId}`, measureId: 'm', title: 't', phaseId, departmentId, responsibility: 'lead', periodKey: 'once',
  status, issueAt: dueAt, dueAt, issuedAt: dueAt, submittedAt: null, acceptedAt: null, overdueSince: null, escalationLevel: 0, remindersSent: 0,
  lastEventAt: dueAt, allowedActions: allowedAssignmentCommands(status),
});
const phase = (phaseId: string, order: number) => ({
  phaseId, name: phaseId, kind: 'stage', order, status: 'open', opensAt: 'x', closingStartsAt: 'x', closesAt: 'x', openedAt: null, closedAt: null,
});
const obligation = (assignmentId: string, phaseId: string | undefined, departmentId: string) => ({ assignmentId, phaseId, departmentId }) as PlanOverviewParts['schedule']['obligations'][number];

describe('buildPlanOverview (read models and asOf replay alike)', () => {
  const parts: PlanOverviewParts = {
    plan: {
      planId: 'p', title: 't', documentNumber: 'd', issuingAuthority: 'b', timeZone: 'Asia/Shanghai', status: 'published',
      startsAt: 's', endsAt: 'e', amendments: 0, publishedAt: null, closedAt: null, updatedAt: 'u',
    },
    schedule: {
      departments: [{ id: 'school-b', name: '乙小学', kind: 'school' }, { id: 'school-a', name: '甲小学', kind: 'school' }],
      obligations: [obligation('a.1', 'one', 'school-a'), obligation('b.1', 'one', 'school-b'), obligation('b.2', 'two', 'school-b'), obligation('x', undefined, 'office')],
    },
    phases: [phase('two', 2), phase('one', 1), phase('alpha', 1)],
    assignments: [view('b.1', '2022-03-01T00:00:00.000Z', 'accepted', 'one', 'school-b'), view('a.1', '2022-03-01T00:00:00.000Z', 'issued', 'one', 'school-a')],
  };

  it('given issued work and the rest of the schedule, when built, then progress counts issued by status and the rest as not issued, per plan, phase and department', () => {
    const overview = buildPlanOverview(parts);
    expect(overview.plan.progress).toMatchObject({ total: 4, notIssued: 2, byStatus: { accepted: 1, issued: 1 }, percentAccepted: 25 });
    expect(overview.phases.map((p) => [p.phaseId, p.progress.total, p.progress.notIssued])).toEqual([['alpha', 0, 0], ['one', 2, 0], ['two', 1, 1]]);
    expect(overview.byDepartment.map((d) => [d.departmentId, d.name, d.progress.total])).toEqual([['office', null, 1], ['school-a', '甲小学', 1], ['school-b', '乙小学', 2]]);
  });
  it('orders phases by order then id and assignments by due time then id, whatever order they came in', () => {
    const overview = buildPlanOverview(parts);
    expect(overview.phases.map((p) => p.phaseId)).toEqual(['alpha', 'one', 'two']);
    expect(overview.assignments.map((a) => a.assignmentId)).toEqual(['a.1', 'b.1']);
  });
});
