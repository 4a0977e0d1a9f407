import { assignmentDecider } from './assignment.decider';
import { DeciderSpecification } from '../testing/decider-spec';
import { assignmentEvent as ev, day, ISSUE_AT, meta, obligation, PLAN_ID, timer } from '../testing/fixtures';
import { timersForAssignment } from '../timers/assignment-timers';

/** 常态化: a standing duty has no deadline; its assignment is never reminded, overdue or escalated. */
const spec = DeciderSpecification.for(assignmentDecider);
const standing = obligation({ periodKey: 'standing', assignmentId: 'safety-checks.school-a.standing', standing: true, escalation: [{ afterDays: 3, to: 'office' }] });
const due = obligation({ escalation: [{ afterDays: 3, to: 'office' }] });
const id = standing.assignmentId;
const issuedStanding = ev('AssignmentIssued', { planId: PLAN_ID, obligation: standing }, ISSUE_AT, timer);

describe('a standing assignment (常态化)', () => {
  it('needs no timers, where the same obligation with a deadline needs reminders, overdue and escalation', () => {
    expect(timersForAssignment(spec.given([issuedStanding]).state)).toEqual([]);
    const dueState = spec.given([ev('AssignmentIssued', { planId: PLAN_ID, obligation: due }, ISSUE_AT, timer)]).state;
    expect(timersForAssignment(dueState).map((t) => t.kind)).toEqual(['reminder', 'reminder', 'overdue', 'escalation']);
  });

  it.each([
    ['SendReminder', { assignmentId: id, daysBefore: 1 }, day(-1)],
    ['MarkOverdue', { assignmentId: id }, day(1)],
    ['EscalateAssignment', { assignmentId: id, level: 1 }, day(5)],
  ] as const)('given it is issued, when %s arrives (a timer left from elsewhere), then nothing happens', (type, data, at) => {
    spec.given([issuedStanding]).when({ type, data, metadata: meta(at, timer) } as never).thenNothing();
  });

  it('given it is issued, when it is submitted after the end of its window, then the submission is not late', () => {
    spec.given([issuedStanding]).when({ type: 'SubmitAssignment', data: { assignmentId: id, note: '自查报告' }, metadata: meta(day(30)) }).then([
      ev('AssignmentSubmitted', { assignmentId: id, departmentId: standing.departmentId, note: '自查报告', attachments: [], late: false, reviewer: standing.reviewers[0] ?? null }, day(30)),
    ]);
  });
});
