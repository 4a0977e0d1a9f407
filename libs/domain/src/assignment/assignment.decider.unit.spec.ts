import { assignmentDecider } from './assignment.decider';
import type { AssignmentCommand, AssignmentCommandType } from './assignment.commands';
import type { AssignmentEvent } from './assignment.events';
import { allowedAssignmentCommands, assignmentTransitions, owingStatuses, timerCommands, type AssignmentStatus } from './assignment.transitions';
import { DeciderSpecification } from '../testing/decider-spec';
import { assignmentEvent as ev, day, DUE_AT, head, ISSUE_AT, meta, ms, obligation, PLAN_ID, reviewer, timer } from '../testing/fixtures';
import type { Obligation } from '../schedule/plan-schedule';
import { currentSchemaVersions } from '../events/planledger-event';

const spec = DeciderSpecification.for(assignmentDecider);
const O = obligation();
const id = O.assignmentId;
const dept = O.departmentId;

const issuedWith = (o: Obligation = O) => ev('AssignmentIssued', { planId: PLAN_ID, obligation: o }, ISSUE_AT, timer);
const issued = issuedWith();
const acknowledged = ev('AssignmentAcknowledged', { assignmentId: id, departmentId: dept }, day(-30));
const started = ev('AssignmentStarted', { assignmentId: id, departmentId: dept }, day(-20));
const submitted = (at = day(-5), reviewerId: string | null = 'liaison') =>
  ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: '实施方案', attachments: [], late: false, reviewer: reviewerId }, at);
const returned = (at = day(-4), by: string | null = 'liaison') => ev('AssignmentReturned', { assignmentId: id, reviewer: by, reason: '补充目标' }, at, reviewer);
const accepted = ev('AssignmentAccepted', { assignmentId: id, reviewer: 'office', note: '' }, day(-3), reviewer);
const overdue = (at = DUE_AT) => ev('AssignmentOverdue', { assignmentId: id, departmentId: dept, dueAt: DUE_AT }, at, timer);

/** One history per status. A new status fails to compile until it gets one here. */
const historyFor: Record<AssignmentStatus, AssignmentEvent[]> = {
  not_issued: [],
  issued: [issued],
  acknowledged: [issued, acknowledged],
  in_progress: [issued, started],
  submitted: [issued, started, submitted()],
  returned: [issued, started, submitted(), returned()],
  accepted: [issued, submitted(), ev('AssignmentReviewPassed', { assignmentId: id, reviewer: 'liaison', nextReviewer: 'office', note: '' }, day(-4)), accepted],
  waived: [issued, ev('AssignmentWaived', { assignmentId: id, reason: '并入其他举措' }, day(-10), reviewer)],
  cancelled: [issued, ev('AssignmentCancelled', { assignmentId: id, reason: 'amendment 1' }, day(-10), reviewer)],
};

const NOW = day(-2);
/** One well-formed command per type. A new command fails to compile until it gets one here. */
const sample: { [K in AssignmentCommandType]: Extract<AssignmentCommand, { type: K }> } = {
  IssueAssignment: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: O }, metadata: meta(NOW, timer) },
  AcknowledgeAssignment: { type: 'AcknowledgeAssignment', data: { assignmentId: id }, metadata: meta(NOW) },
  StartAssignment: { type: 'StartAssignment', data: { assignmentId: id }, metadata: meta(NOW) },
  ReportProgress: { type: 'ReportProgress', data: { assignmentId: id, note: '召开专题会议', count: 1 }, metadata: meta(NOW) },
  SubmitAssignment: { type: 'SubmitAssignment', data: { assignmentId: id, note: '实施方案' }, metadata: meta(NOW) },
  ReturnAssignment: { type: 'ReturnAssignment', data: { assignmentId: id, reason: '补充目标' }, metadata: meta(NOW, reviewer) },
  AcceptAssignment: { type: 'AcceptAssignment', data: { assignmentId: id }, metadata: meta(NOW, reviewer) },
  ReassignAssignment: { type: 'ReassignAssignment', data: { assignmentId: id, toDepartmentId: 'school-b', reason: '调整责任单位' }, metadata: meta(NOW, reviewer) },
  WaiveAssignment: { type: 'WaiveAssignment', data: { assignmentId: id, reason: '并入其他举措' }, metadata: meta(NOW, reviewer) },
  SendReminder: { type: 'SendReminder', data: { assignmentId: id, daysBefore: 1 }, metadata: meta(NOW, timer) },
  MarkOverdue: { type: 'MarkOverdue', data: { assignmentId: id }, metadata: meta(NOW, timer) },
  EscalateAssignment: { type: 'EscalateAssignment', data: { assignmentId: id, level: 1 }, metadata: meta(NOW, timer) },
  CancelAssignment: { type: 'CancelAssignment', data: { assignmentId: id, reason: 'amendment 1' }, metadata: meta(NOW, reviewer) },
  MoveDeadline: { type: 'MoveDeadline', data: { assignmentId: id, dueAt: day(10), reason: 'amendment 1' }, metadata: meta(NOW, reviewer) },
};

/** The event each table command emits. */
const emits: Partial<Record<AssignmentCommandType, AssignmentEvent['type'][]>> = {
  IssueAssignment: ['AssignmentIssued'],
  AcknowledgeAssignment: ['AssignmentAcknowledged'],
  StartAssignment: ['AssignmentStarted'],
  ReportProgress: ['AssignmentProgressReported'],
  SubmitAssignment: ['AssignmentSubmitted'],
  ReturnAssignment: ['AssignmentReturned'],
  AcceptAssignment: ['AssignmentReviewPassed', 'AssignmentAccepted'],
  ReassignAssignment: ['AssignmentReassigned'],
  WaiveAssignment: ['AssignmentWaived'],
  CancelAssignment: ['AssignmentCancelled'],
  MoveDeadline: ['AssignmentDeadlineMoved'],
};

const statuses = Object.keys(assignmentTransitions) as AssignmentStatus[];
const commandTypes = Object.keys(sample) as AssignmentCommandType[];
const statusAfter = (events: AssignmentEvent[]) => spec.given(events).state.status;

describe('assignment decider: transition table', () => {
  it.each(statuses)('the history for %s folds to that status', (status) => {
    expect(statusAfter(historyFor[status])).toBe(status);
  });

  const allowed = statuses.flatMap((status) => Object.entries(assignmentTransitions[status]).map(([command, next]) => [status, command as AssignmentCommandType, next] as const));
  it.each(allowed)('%s + %s → %s', (status, command, next) => {
    const { decision, state } = spec.given(historyFor[status]).when(sample[command]).decision();
    if (!decision.ok) throw new Error(JSON.stringify(decision.error));
    expect(decision.events).toHaveLength(1);
    expect(emits[command]).toContain(decision.events[0].type);
    const after = decision.events.reduce(assignmentDecider.evolve, state);
    // 'review': the default chain has two stops, so the first acceptance keeps the work in review.
    const expected = next === 'same' ? status : next === 'review' ? 'submitted' : next;
    expect(after.status).toBe(expected);
  });

  const rejected = statuses.flatMap((status) =>
    commandTypes.filter((command) => !timerCommands.includes(command) && assignmentTransitions[status][command] === undefined).map((command) => [status, command] as const),
  );
  it('covers every status × command pair exactly once (allowed, rejected or timer)', () => {
    expect(allowed.length + rejected.length + statuses.length * timerCommands.length).toBe(statuses.length * commandTypes.length + allowed.filter(([, c]) => timerCommands.includes(c)).length);
  });
  it.each(rejected)('%s + %s is rejected', (status, command) => {
    if (status === 'not_issued') {
      spec.given([]).when(sample[command]).thenFails({ code: 'not_found', aggregate: 'assignment', id });
      return;
    }
    const error = spec.given(historyFor[status]).when(sample[command]).thenFails({ code: 'invalid_transition', aggregate: 'assignment', id, status, command });
    expect(error).toMatchObject({ allowed: allowedAssignmentCommands(status) });
    expect(error.code === 'invalid_transition' && [...error.allowed].sort()).toEqual(Object.keys(assignmentTransitions[status]).sort());
  });

  it.each(statuses.filter((s) => s !== 'not_issued'))('IssueAssignment in %s is a no-op (issuing twice)', (status) => {
    spec.given(historyFor[status]).when(sample.IssueAssignment).thenNothing();
  });

  it.each(statuses.filter((s) => !owingStatuses.includes(s)))('timers (reminder, overdue, escalation) do nothing in %s: no work is owed', (status) => {
    const given = historyFor[status].length ? [...historyFor[status]] : [];
    for (const type of ['SendReminder', 'MarkOverdue', 'EscalateAssignment'] as const) {
      spec.given(given).when({ ...sample[type], metadata: meta(day(20), timer) }).thenNothing();
    }
  });
});

describe('issue', () => {
  it('issues a not-issued assignment to the obligation’s department and deadline', () => {
    const state = spec.given([]).when(sample.IssueAssignment).then([ev('AssignmentIssued', { planId: PLAN_ID, obligation: O }, NOW, timer)]);
    expect(state).toMatchObject({ status: 'issued', assignmentId: id, planId: PLAN_ID, departmentId: 'school-a', dueAt: DUE_AT, reviewStep: 0, escalationLevel: 0, remindersSent: [] });
  });
  it('issuing twice is a no-op, also with a different obligation', () => {
    spec.given([issued]).when({ ...sample.IssueAssignment, data: { planId: PLAN_ID, obligation: obligation({ departmentId: 'school-b', dueAt: day(30) }) } }).thenNothing();
  });
  it.each(commandTypes.filter((c) => !timerCommands.includes(c)))('%s on an assignment not issued is not_found', (command) => {
    spec.given([]).when(sample[command]).thenFails({ code: 'not_found', aggregate: 'assignment', id });
  });
  it.each(['SendReminder', 'MarkOverdue', 'EscalateAssignment'] as const)('timer %s on an assignment not issued does nothing', (command) => {
    spec.given([]).when({ ...sample[command], metadata: meta(day(30), timer) }).thenNothing();
  });
});

describe('people’s commands', () => {
  it('acknowledge and start name the owning department', () => {
    spec.given([issued]).when(sample.AcknowledgeAssignment).then([ev('AssignmentAcknowledged', { assignmentId: id, departmentId: dept }, NOW)]);
    spec.given([issued, acknowledged]).when(sample.StartAssignment).then([ev('AssignmentStarted', { assignmentId: id, departmentId: dept }, NOW)]);
  });
  it('progress reports add up and put the work in progress', () => {
    const report = (count: number, at: string) => ({ ...sample.ReportProgress, data: { assignmentId: id, note: '专题会议', count }, metadata: meta(at) }) as AssignmentCommand;
    const s1 = spec.given([issued]).when(report(1, day(-20))).then([
      ev('AssignmentProgressReported', { assignmentId: id, departmentId: dept, note: '专题会议', count: 1, totalReported: 1, attachments: [] }, day(-20)),
    ]);
    expect(s1).toMatchObject({ status: 'in_progress', progressCount: 1 });
    const first = ev('AssignmentProgressReported', { assignmentId: id, departmentId: dept, note: '专题会议', count: 1, totalReported: 1, attachments: [] }, day(-20));
    spec.given([issued, first]).when(report(2, day(-10))).then([
      ev('AssignmentProgressReported', { assignmentId: id, departmentId: dept, note: '专题会议', count: 2, totalReported: 3, attachments: [] }, day(-10)),
    ]);
  });
  it('a progress count omitted counts as one', () => {
    const { decision } = spec.given([issued]).when({ type: 'ReportProgress', data: { assignmentId: id, note: 'x' }, metadata: meta(NOW) }).decision();
    expect(decision.ok && decision.events[0].data).toMatchObject({ count: 1, totalReported: 1 });
  });
  it.each([0, -1, 1.5, Number.NaN])('a progress count of %s is invalid_command', (count) => {
    spec.given([issued]).when({ type: 'ReportProgress', data: { assignmentId: id, note: 'x', count }, metadata: meta(NOW) }).thenFails({ code: 'invalid_command', field: 'count' });
  });
  it('a submission on or before the deadline is on time; after it, late', () => {
    const submit = (at: string): AssignmentCommand => ({ type: 'SubmitAssignment', data: { assignmentId: id, note: 'n', attachments: [{ ref: 'blob-1', name: '方案.pdf' }] }, metadata: meta(at) });
    spec.given([issued]).when(submit(DUE_AT)).then([
      ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: 'n', attachments: [{ ref: 'blob-1', name: '方案.pdf' }], late: false, reviewer: 'liaison' }, DUE_AT),
    ]);
    const { decision } = spec.given([issued]).when(submit(ms(DUE_AT, 1))).decision();
    expect(decision.ok && decision.events[0].data).toMatchObject({ late: true });
  });
  it('a submission records uploaded files by their SHA-256 beside references, at schema version 3', () => {
    const file = { sha256: 'ab'.repeat(32), name: '实施方案（终稿）.pdf', size: 52_431, mediaType: 'application/pdf' };
    const attachments = [file, { ref: '档案 2031-7' }];
    const { decision } = spec.given([issued]).when({ type: 'SubmitAssignment', data: { assignmentId: id, note: 'n', attachments }, metadata: meta(NOW) }).decision();
    expect(decision.ok && decision.events[0]).toMatchObject({ type: 'AssignmentSubmitted', schemaVersion: 3, data: { attachments } });
  });
  it.each([
    [{ sha256: 'AB'.repeat(32), name: 'a.pdf', size: 1, mediaType: 'application/pdf' }, 'attachments[0].sha256'],
    [{ sha256: 'ab'.repeat(31), name: 'a.pdf', size: 1, mediaType: 'application/pdf' }, 'attachments[0].sha256'],
    [{ sha256: 'ab'.repeat(32), name: 'a.pdf', size: -1, mediaType: 'application/pdf' }, 'attachments[0].size'],
    [{ sha256: 'ab'.repeat(32), name: ' ', size: 1, mediaType: 'application/pdf' }, 'attachments[0].name'],
  ])('a file attachment %j is invalid_command on %s (progress and submit)', (file, field) => {
    spec.given([issued]).when({ type: 'SubmitAssignment', data: { assignmentId: id, note: 'n', attachments: [file] }, metadata: meta(NOW) }).thenFails({ code: 'invalid_command', field });
    spec.given([issued]).when({ type: 'ReportProgress', data: { assignmentId: id, note: 'n', attachments: [file] }, metadata: meta(NOW) }).thenFails({ code: 'invalid_command', field });
  });
  it.each(['', '   '])('return without a reason (%j) is invalid_command', (reason) => {
    spec.given(historyFor.submitted).when({ type: 'ReturnAssignment', data: { assignmentId: id, reason }, metadata: meta(NOW, reviewer) }).thenFails({ code: 'invalid_command', field: 'reason' });
  });
  it.each(['', '  '])('waive without a reason (%j) is invalid_command', (reason) => {
    spec.given([issued]).when({ type: 'WaiveAssignment', data: { assignmentId: id, reason }, metadata: meta(NOW, reviewer) }).thenFails({ code: 'invalid_command', field: 'reason' });
  });
  it('waive and cancel end the work', () => {
    expect(spec.given([issued]).when(sample.WaiveAssignment).then([ev('AssignmentWaived', { assignmentId: id, reason: '并入其他举措' }, NOW, reviewer)]).status).toBe('waived');
    expect(spec.given([issued]).when(sample.CancelAssignment).then([ev('AssignmentCancelled', { assignmentId: id, reason: 'amendment 1' }, NOW, reviewer)]).status).toBe('cancelled');
  });
});

describe('review chain: reviewers, then submitTo', () => {
  const accept = (at: string): AssignmentCommand => ({ type: 'AcceptAssignment', data: { assignmentId: id, note: 'ok' }, metadata: meta(at, reviewer) });
  const submit = (at: string): AssignmentCommand => ({ type: 'SubmitAssignment', data: { assignmentId: id, note: 'n' }, metadata: meta(at) });
  const threeStops = obligation({ reviewers: ['liaison', 'deputy'], submitTo: 'office' });

  it('submission goes to the first reviewer; intermediate acceptances pass it on; the last accepts', () => {
    const i = issuedWith(threeStops);
    const s = ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: 'n', attachments: [], late: false, reviewer: 'liaison' }, day(-9));
    spec.given([i]).when(submit(day(-9))).then([s]);
    const p1 = ev('AssignmentReviewPassed', { assignmentId: id, reviewer: 'liaison', nextReviewer: 'deputy', note: 'ok' }, day(-8), reviewer);
    expect(spec.given([i, s]).when(accept(day(-8))).then([p1])).toMatchObject({ status: 'submitted', reviewStep: 1 });
    const p2 = ev('AssignmentReviewPassed', { assignmentId: id, reviewer: 'deputy', nextReviewer: 'office', note: 'ok' }, day(-7), reviewer);
    expect(spec.given([i, s, p1]).when(accept(day(-7))).then([p2])).toMatchObject({ status: 'submitted', reviewStep: 2 });
    const done = spec.given([i, s, p1, p2]).when(accept(day(-6))).then([ev('AssignmentAccepted', { assignmentId: id, reviewer: 'office', note: 'ok' }, day(-6), reviewer)]);
    expect(done).toMatchObject({ status: 'accepted', acceptedAt: day(-6) });
  });

  it('a return at any stop names that reviewer and resets the chain to the first reviewer', () => {
    const i = issuedWith(threeStops);
    const s = submitted(day(-9));
    const p1 = ev('AssignmentReviewPassed', { assignmentId: id, reviewer: 'liaison', nextReviewer: 'deputy', note: '' }, day(-8), reviewer);
    const ret = { type: 'ReturnAssignment', data: { assignmentId: id, reason: '数据不全' }, metadata: meta(day(-7), reviewer) } as AssignmentCommand;
    const r = ev('AssignmentReturned', { assignmentId: id, reviewer: 'deputy', reason: '数据不全' }, day(-7), reviewer);
    expect(spec.given([i, s, p1]).when(ret).then([r])).toMatchObject({ status: 'returned', reviewStep: 0 });
    const resubmitted = ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: 'n', attachments: [], late: false, reviewer: 'liaison' }, day(-6));
    spec.given([i, s, p1, r]).when(submit(day(-6))).then([resubmitted]);
    spec.given([i, s, p1, r, resubmitted]).when(accept(day(-5))).then([ev('AssignmentReviewPassed', { assignmentId: id, reviewer: 'liaison', nextReviewer: 'deputy', note: 'ok' }, day(-5), reviewer)]);
  });

  it('without reviewers or receiver, one acceptance accepts and names no reviewer', () => {
    const i = issuedWith(obligation({ reviewers: [], submitTo: undefined }));
    const s = ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: 'n', attachments: [], late: false, reviewer: null }, day(-9));
    spec.given([i]).when(submit(day(-9))).then([s]);
    spec.given([i, s]).when(accept(day(-8))).then([ev('AssignmentAccepted', { assignmentId: id, reviewer: null, note: 'ok' }, day(-8), reviewer)]);
  });

  it('with reviewers and no receiver, the last reviewer accepts', () => {
    const i = issuedWith(obligation({ reviewers: ['liaison'], submitTo: undefined }));
    spec.given([i, submitted(day(-9))]).when(accept(day(-8))).then([ev('AssignmentAccepted', { assignmentId: id, reviewer: 'liaison', note: 'ok' }, day(-8), reviewer)]);
  });

  it('with only a receiver, the receiver accepts', () => {
    const i = issuedWith(obligation({ reviewers: [], submitTo: 'office' }));
    spec.given([i, submitted(day(-9), 'office')]).when(accept(day(-8))).then([ev('AssignmentAccepted', { assignmentId: id, reviewer: 'office', note: 'ok' }, day(-8), reviewer)]);
  });
});

describe('reassign', () => {
  it.each(['issued', 'acknowledged', 'in_progress', 'returned'] as const)('from %s moves the work to the new department and resets it to issued', (status) => {
    const state = spec.given(historyFor[status]).when(sample.ReassignAssignment).then([
      ev('AssignmentReassigned', { assignmentId: id, fromDepartmentId: 'school-a', toDepartmentId: 'school-b', reason: '调整责任单位' }, NOW, reviewer),
    ]);
    expect(state).toMatchObject({ status: 'issued', departmentId: 'school-b' });
  });
  it('later events name the new department', () => {
    const moved = ev('AssignmentReassigned', { assignmentId: id, fromDepartmentId: 'school-a', toDepartmentId: 'school-b', reason: 'r' }, day(-20), reviewer);
    spec.given([issued, moved]).when({ type: 'SendReminder', data: { assignmentId: id, daysBefore: 7 }, metadata: meta(day(-7), timer) }).then([
      ev('AssignmentReminderDue', { assignmentId: id, departmentId: 'school-b', daysBefore: 7, dueAt: DUE_AT }, day(-7), timer),
    ]);
    spec.given([issued, moved]).when({ type: 'AcknowledgeAssignment', data: { assignmentId: id }, metadata: meta(day(-6)) }).then([
      ev('AssignmentAcknowledged', { assignmentId: id, departmentId: 'school-b' }, day(-6)),
    ]);
  });
  it('to the same department is invalid_command', () => {
    spec.given([issued]).when({ type: 'ReassignAssignment', data: { assignmentId: id, toDepartmentId: 'school-a', reason: 'r' }, metadata: meta(NOW, reviewer) }).thenFails({ code: 'invalid_command', field: 'toDepartmentId' });
  });
  it('to no department is invalid_command', () => {
    spec.given([issued]).when({ type: 'ReassignAssignment', data: { assignmentId: id, toDepartmentId: ' ', reason: 'r' }, metadata: meta(NOW, reviewer) }).thenFails({ code: 'invalid_command', field: 'toDepartmentId' });
  });
});

describe('timers: reminders', () => {
  const remind = (daysBefore: number, at: string): AssignmentCommand => ({ type: 'SendReminder', data: { assignmentId: id, daysBefore }, metadata: meta(at, timer) });
  const reminded = (daysBefore: number, at: string, dueAt = DUE_AT) => ev('AssignmentReminderDue', { assignmentId: id, departmentId: dept, daysBefore, dueAt }, at, timer);

  it.each(['issued', 'acknowledged', 'in_progress', 'returned'] as const)('are sent while work is owed (%s)', (status) => {
    spec.given(historyFor[status]).when(remind(1, day(-1))).then([reminded(1, day(-1))]);
  });
  it.each(['submitted', 'accepted', 'waived', 'cancelled', 'not_issued'] as const)('are not sent once nothing is owed (%s)', (status) => {
    spec.given(historyFor[status]).when(remind(1, day(-1))).thenNothing();
  });
  it('are not sent twice for the same offset, but another offset still is', () => {
    const state = spec.given([issued]).when(remind(7, day(-7))).then([reminded(7, day(-7))]);
    expect(state.remindersSent).toEqual([7]);
    spec.given([issued, reminded(7, day(-7))]).when(remind(7, day(-6))).thenNothing();
    spec.given([issued, reminded(7, day(-7))]).when(remind(1, day(-1))).then([reminded(1, day(-1))]);
  });
  it('are not sent at or after the deadline', () => {
    spec.given([issued]).when(remind(1, ms(DUE_AT, -1))).then([reminded(1, ms(DUE_AT, -1))]);
    spec.given([issued]).when(remind(1, DUE_AT)).thenNothing();
    spec.given([issued]).when(remind(1, day(3))).thenNothing();
  });
  it('a moved deadline earns the same offset again, dated to the new deadline', () => {
    const moved = ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(30), reason: 'r', overdueCleared: false }, day(-3), reviewer);
    spec.given([issued, reminded(7, day(-7)), moved]).when(remind(7, day(23))).then([reminded(7, day(23), day(30))]);
  });
  it('a reminder timer left from the old deadline, arriving before its moment for the new one, does nothing', () => {
    const moved = ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(30), reason: 'r', overdueCleared: false }, day(-10), reviewer);
    spec.given([issued, moved]).when(remind(7, day(-7))).thenNothing();
  });
});

describe('timers: overdue', () => {
  const markOverdue = (at: string): AssignmentCommand => ({ type: 'MarkOverdue', data: { assignmentId: id }, metadata: meta(at, timer) });

  it('does nothing before the deadline', () => {
    spec.given([issued]).when(markOverdue(ms(DUE_AT, -1))).thenNothing();
  });
  it.each(['issued', 'acknowledged', 'in_progress', 'returned'] as const)('marks owed work (%s) overdue at the deadline', (status) => {
    const state = spec.given(historyFor[status]).when(markOverdue(DUE_AT)).then([overdue(DUE_AT)]);
    expect(state.overdueSince).toBe(DUE_AT);
  });
  it('marks it after the deadline too (a late timer)', () => {
    spec.given([issued]).when(markOverdue(day(2))).then([overdue(day(2))]);
  });
  it('does not mark it twice', () => {
    spec.given([issued, overdue()]).when(markOverdue(day(1))).thenNothing();
  });
  it.each(['submitted', 'accepted', 'waived', 'cancelled'] as const)('never marks %s work overdue', (status) => {
    spec.given(historyFor[status]).when(markOverdue(day(1))).thenNothing();
    spec.given(historyFor[status]).when(markOverdue(day(400))).thenNothing();
  });
  it('work submitted late after being marked overdue is not marked again', () => {
    spec.given([issued, overdue(), ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: '', attachments: [], late: true, reviewer: 'liaison' }, day(1))]).when(markOverdue(day(2))).thenNothing();
  });
});

describe('timers: escalation', () => {
  const escalate = (level: number, at: string): AssignmentCommand => ({ type: 'EscalateAssignment', data: { assignmentId: id, level }, metadata: meta(at, timer) });
  const escalated = (level: number, at: string, to: string, daysOverdue: number) =>
    ev('AssignmentEscalated', { assignmentId: id, departmentId: dept, level, to, dueAt: DUE_AT, daysOverdue }, at, timer);

  it('does nothing while the work is not marked overdue', () => {
    spec.given([issued]).when(escalate(1, day(5))).thenNothing();
  });
  it('does nothing before dueAt + afterDays', () => {
    spec.given([issued, overdue()]).when(escalate(1, ms(day(3), -1))).thenNothing();
  });
  it('escalates level 1 at dueAt + afterDays to the policy’s unit', () => {
    const state = spec.given([issued, overdue()]).when(escalate(1, day(3))).then([escalated(1, day(3), 'office', 3)]);
    expect(state.escalationLevel).toBe(1);
  });
  it('escalates level 2 after level 1, to its own unit', () => {
    spec.given([issued, overdue(), escalated(1, day(3), 'office', 3)]).when(escalate(2, day(10))).then([escalated(2, day(10), 'leading-group', 10)]);
    spec.given([issued, overdue(), escalated(1, day(3), 'office', 3)]).when(escalate(2, day(9))).thenNothing();
  });
  it('goes in level order: level 2 before level 1 does nothing', () => {
    spec.given([issued, overdue()]).when(escalate(2, day(12))).thenNothing();
  });
  it('does not escalate a level twice or go back to a lower one', () => {
    spec.given([issued, overdue(), escalated(1, day(3), 'office', 3)]).when(escalate(1, day(4))).thenNothing();
    spec.given([issued, overdue(), escalated(1, day(3), 'office', 3), escalated(2, day(10), 'leading-group', 10)]).when(escalate(1, day(11))).thenNothing();
  });
  it.each([0, 3, -1, 1.5])('a level without a policy (%s) does nothing', (level) => {
    spec.given([issued, overdue()]).when(escalate(level, day(30))).thenNothing();
  });
  it('does nothing once the work is submitted, even if it was overdue', () => {
    spec.given([issued, overdue(), ev('AssignmentSubmitted', { assignmentId: id, departmentId: dept, note: '', attachments: [], late: true, reviewer: 'liaison' }, day(1))]).when(escalate(1, day(3))).thenNothing();
  });
});

describe('deadline moves', () => {
  const move = (dueAt: string, at: string): AssignmentCommand => ({ type: 'MoveDeadline', data: { assignmentId: id, dueAt, reason: 'amendment 1' }, metadata: meta(at, reviewer) });
  const lvl1 = ev('AssignmentEscalated', { assignmentId: id, departmentId: dept, level: 1, to: 'office', dueAt: DUE_AT, daysOverdue: 3 }, day(3), timer);

  it('to a future date clears the overdue mark and its escalations, and the reminders sent', () => {
    const reminder = ev('AssignmentReminderDue', { assignmentId: id, departmentId: dept, daysBefore: 1, dueAt: DUE_AT }, day(-1), timer);
    const state = spec.given([issued, reminder, overdue(), lvl1]).when(move(day(10), day(4))).then([
      ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(10), reason: 'amendment 1', overdueCleared: true }, day(4), reviewer),
    ]);
    expect(state).toMatchObject({ dueAt: day(10), overdueSince: undefined, escalationLevel: 0, remindersSent: [], status: 'issued' });
  });
  it('to a date already past keeps the overdue mark and escalation level', () => {
    const state = spec.given([issued, overdue(), lvl1]).when(move(day(2), day(4))).then([
      ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(2), reason: 'amendment 1', overdueCleared: false }, day(4), reviewer),
    ]);
    expect(state).toMatchObject({ dueAt: day(2), overdueSince: DUE_AT, escalationLevel: 1 });
  });
  it('to exactly now keeps the overdue mark (the new deadline is not in the future)', () => {
    const { decision } = spec.given([issued, overdue()]).when(move(day(4), day(4))).decision();
    expect(decision.ok && decision.events[0].data).toMatchObject({ overdueCleared: false });
  });
  it('of work not overdue clears nothing but the reminders', () => {
    spec.given([issued]).when(move(day(10), day(-3))).then([
      ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(10), reason: 'amendment 1', overdueCleared: false }, day(-3), reviewer),
    ]);
  });
  it('to the same instant, however written, does nothing', () => {
    spec.given([issued]).when(move('2022-03-05T08:00:00+08:00', day(-3))).thenNothing();
  });
  it('to something that is not an instant is invalid_command', () => {
    spec.given([issued]).when(move('next Friday', day(-3))).thenFails({ code: 'invalid_command', field: 'dueAt' });
  });
  it('after clearing, the work can become overdue again at the new deadline', () => {
    const moved = ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(10), reason: 'r', overdueCleared: true }, day(4), reviewer);
    spec.given([issued, overdue(), lvl1, moved]).when({ type: 'MarkOverdue', data: { assignmentId: id }, metadata: meta(day(9), timer) }).thenNothing();
    spec.given([issued, overdue(), lvl1, moved]).when({ type: 'MarkOverdue', data: { assignmentId: id }, metadata: meta(day(10), timer) }).then([
      ev('AssignmentOverdue', { assignmentId: id, departmentId: dept, dueAt: day(10) }, day(10), timer),
    ]);
  });
  it('applies to submitted work too (its deadline is part of the record)', () => {
    expect(spec.given(historyFor.submitted).when(move(day(10), day(-3))).then([
      ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(10), reason: 'amendment 1', overdueCleared: false }, day(-3), reviewer),
    ]).status).toBe('submitted');
  });
});

describe('events carry the actor and business time of the command', () => {
  it.each(commandTypes)('%s', (command) => {
    for (const status of statuses) {
      const { decision } = spec.given(historyFor[status]).when(sample[command]).decision();
      if (!decision.ok) continue;
      for (const e of decision.events) expect(e).toMatchObject({ at: sample[command].metadata.at, actor: sample[command].metadata.actor, schemaVersion: currentSchemaVersions[e.type] });
    }
  });
  it('an issued assignment’s state', () => {
    expect(spec.given([issued]).state).toEqual({
      status: 'issued', assignmentId: id, planId: PLAN_ID, obligation: O, departmentId: 'school-a', dueAt: DUE_AT,
      progressCount: 0, reviewStep: 0, escalationLevel: 0, remindersSent: [],
    });
    expect(head.departmentId).toBe(dept);
  });
});
