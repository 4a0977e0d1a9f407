import { timersForSchedule } from './schedule-timers';
import { timersForAssignment } from './assignment-timers';
import { compareTimers, timerKindOrder, type Timer, type TimerKind } from './timer';
import { assignmentDecider } from '../assignment/assignment.decider';
import type { AssignmentEvent } from '../assignment/assignment.events';
import { closingStartOf } from '../schedule/phase-closing';
import { fold } from '../shared/decider';
import { assignmentEvent as ev, day, DUE_AT, ISSUE_AT, obligation, PLAN_ID, schedule, scheduledPhase, timer } from '../testing/fixtures';
import type { Obligation } from '../schedule/plan-schedule';

const ids = (timers: Timer[]) => timers.map((t) => t.timerId);

describe('timersForSchedule', () => {
  const S = schedule();
  const timers = timersForSchedule(S);

  it('gives phase-open, phase-closing and phase-close for each phase and an issue timer for each obligation', () => {
    expect(timers.map((t) => [t.kind, t.dueAt])).toEqual([
      ['phase-open', S.phases[0].opensAt], ['phase-closing', closingStartOf(S.phases[0])], ['phase-close', S.phases[0].closesAt],
      ['phase-open', S.phases[1].opensAt], ['phase-closing', closingStartOf(S.phases[1])], ['phase-close', S.phases[1].closesAt],
      ['assignment-issue', ISSUE_AT],
    ]);
    expect(timers.map((t) => t.command)).toEqual([
      { type: 'OpenPhase', data: { planId: PLAN_ID, phaseId: 'mobilise' } },
      { type: 'BeginPhaseClosing', data: { planId: PLAN_ID, phaseId: 'mobilise' } },
      { type: 'ClosePhase', data: { planId: PLAN_ID, phaseId: 'mobilise', trigger: 'schedule' } },
      { type: 'OpenPhase', data: { planId: PLAN_ID, phaseId: 'implement' } },
      { type: 'BeginPhaseClosing', data: { planId: PLAN_ID, phaseId: 'implement' } },
      { type: 'ClosePhase', data: { planId: PLAN_ID, phaseId: 'implement', trigger: 'schedule' } },
      { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: S.obligations[0] } },
    ]);
    expect(timers[6].target).toEqual({ aggregate: 'assignment', planId: PLAN_ID, assignmentId: S.obligations[0].assignmentId });
    expect(timers[0].target).toEqual({ aggregate: 'phase', planId: PLAN_ID, phaseId: 'mobilise' });
    expect(timers.every((t) => t.planId === PLAN_ID)).toBe(true);
  });
  it('closing defaults to 14 days before closesAt, or an explicit closingStartsAt', () => {
    expect(timers[1].dueAt).toBe('2022-03-18T00:00:00.000Z');
    const explicit = timersForSchedule(schedule({ phases: [scheduledPhase({ closingStartsAt: '2022-03-01T00:00:00.000Z' })], obligations: [] }));
    expect(explicit[1].dueAt).toBe('2022-03-01T00:00:00.000Z');
  });
  it('ids are deterministic, unique and contain no ":" (even for instants written with an offset)', () => {
    expect(ids(timersForSchedule(schedule()))).toEqual(ids(timers));
    expect(new Set(ids(timers)).size).toBe(timers.length);
    const offsetSchedule = schedule({ phases: [scheduledPhase({ opensAt: '2022-02-01T08:00:00+08:00', closesAt: '2022-04-01T08:00:00+08:00' })], obligations: [obligation({ issueAt: '2022-02-01T08:00:00+08:00' })] });
    for (const id of [...ids(timers), ...ids(timersForSchedule(offsetSchedule))]) expect(id).not.toContain(':');
    expect(timers[0].timerId).toContain(PLAN_ID);
    expect(timers[0].timerId).toContain(String(Date.parse(S.phases[0].opensAt)));
  });
  it('the same instant written two ways gives the same id', () => {
    const a = timersForSchedule(schedule({ phases: [scheduledPhase({ opensAt: '2022-02-01T08:00:00+08:00' })], obligations: [] }));
    const b = timersForSchedule(schedule({ phases: [scheduledPhase({ opensAt: '2022-02-01T00:00:00.000Z' })], obligations: [] }));
    expect(a[0].timerId).toBe(b[0].timerId);
  });
});

describe('timersForSchedule: target period ends (ADR 0026)', () => {
  const target = (periodEnds?: { period: string; judgedAt: string }[]) => ({
    targetId: 'enrolment', metric: '毛入园率', kind: 'threshold' as const, comparison: '>=' as const, unit: '%', milestones: [{ period: '2023', value: 99 }], unitIds: [], ...(periodEnds ? { periodEnds } : {}),
  });
  it('sets one plan timer per instant at which periods end, judging every period ending then (one order on the plan stream)', () => {
    const ends = [{ period: '2022', judgedAt: '2022-12-31T16:00:00.000Z' }, { period: '2023', judgedAt: '2023-12-31T16:00:00.000Z' }];
    // safety's 2023 ends at the same instant, written in the plan's zone: one timer for both.
    const timers = timersForSchedule(schedule({ phases: [], obligations: [], targets: [{ ...target([ends[1]]), targetId: 'safety' }, { ...target(ends), periodEnds: [ends[0], { period: '2023', judgedAt: '2024-01-01T00:00:00.000+08:00' }] }] }));
    expect(timers.map((t) => [t.kind, t.dueAt, t.target, t.command])).toEqual([
      ['target-period-end', ends[0].judgedAt, { aggregate: 'plan', planId: PLAN_ID }, { type: 'JudgeTargetPeriods', data: { planId: PLAN_ID, periodsEndedAt: ends[0].judgedAt } }],
      ['target-period-end', ends[1].judgedAt, { aggregate: 'plan', planId: PLAN_ID }, { type: 'JudgeTargetPeriods', data: { planId: PLAN_ID, periodsEndedAt: ends[1].judgedAt } }],
    ]);
    expect(timers.map((t) => t.timerId)).toEqual([`target-period-end.${PLAN_ID}.${Date.parse(ends[0].judgedAt)}`, `target-period-end.${PLAN_ID}.${Date.parse(ends[1].judgedAt)}`]);
  });
  it('a target compiled before ADR 0026 (no periodEnds) has none', () => {
    expect(timersForSchedule(schedule({ phases: [], obligations: [], targets: [target()] }))).toEqual([]);
  });
});

describe('timersForAssignment', () => {
  const O = obligation(); // reminders 7 and 1 days before; escalation after 3 and 10 days
  const id = O.assignmentId;
  const issued = (o: Obligation = O) => ev('AssignmentIssued', { planId: PLAN_ID, obligation: o }, ISSUE_AT, timer);
  const stateOf = (events: AssignmentEvent[]) => fold(assignmentDecider, events);
  const overdue = ev('AssignmentOverdue', { assignmentId: id, departmentId: 'school-a', dueAt: DUE_AT }, DUE_AT, timer);

  it('an issued assignment needs its reminders, the overdue mark and each escalation level', () => {
    const timers = timersForAssignment(stateOf([issued()]));
    expect(timers.map((t) => [t.kind, t.dueAt, t.command])).toEqual([
      ['reminder', day(-7), { type: 'SendReminder', data: { assignmentId: id, daysBefore: 7 } }],
      ['reminder', day(-1), { type: 'SendReminder', data: { assignmentId: id, daysBefore: 1 } }],
      ['overdue', DUE_AT, { type: 'MarkOverdue', data: { assignmentId: id } }],
      ['escalation', day(3), { type: 'EscalateAssignment', data: { assignmentId: id, level: 1 } }],
      ['escalation', day(10), { type: 'EscalateAssignment', data: { assignmentId: id, level: 2 } }],
    ]);
    expect(timers.every((t) => !t.timerId.includes(':'))).toBe(true);
    expect(new Set(ids(timers)).size).toBe(timers.length);
    expect(ids(timersForAssignment(stateOf([issued()])))).toEqual(ids(timers));
  });
  it('skips reminders dated before the issue', () => {
    const late = obligation({ remindDaysBefore: [60, 33, 32, 7], issueAt: day(-32) });
    const reminders = timersForAssignment(stateOf([issued(late)])).filter((t) => t.kind === 'reminder');
    expect(reminders.map((t) => t.dueAt)).toEqual([day(-32), day(-7)]);
  });
  it('drops reminders already sent, the overdue mark once set and escalation levels reached', () => {
    const events = [
      issued(),
      ev('AssignmentReminderDue', { assignmentId: id, departmentId: 'school-a', daysBefore: 7, dueAt: DUE_AT }, day(-7), timer),
      overdue,
      ev('AssignmentEscalated', { assignmentId: id, departmentId: 'school-a', level: 1, to: 'office', dueAt: DUE_AT, daysOverdue: 3 }, day(3), timer),
    ];
    expect(timersForAssignment(stateOf(events)).map((t) => [t.kind, t.dueAt])).toEqual([['reminder', day(-1)], ['escalation', day(10)]]);
  });
  it.each([
    ['submitted', [ev('AssignmentSubmitted', { assignmentId: id, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: 'liaison' }, day(-3))]],
    ['accepted', [ev('AssignmentSubmitted', { assignmentId: id, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: null }, day(-3)), ev('AssignmentAccepted', { assignmentId: id, reviewer: null, note: '' }, day(-2))]],
    ['waived', [ev('AssignmentWaived', { assignmentId: id, reason: 'r' }, day(-3))]],
    ['cancelled', [ev('AssignmentCancelled', { assignmentId: id, reason: 'r' }, day(-3))]],
  ] as const)('needs no timers once %s', (_status, after) => {
    expect(timersForAssignment(stateOf([issued(), ...after]))).toEqual([]);
  });
  it('needs no timers before it is issued', () => {
    expect(timersForAssignment(stateOf([]))).toEqual([]);
  });
  it('returned work is owed again: its timers come back', () => {
    const events = [
      issued(),
      ev('AssignmentSubmitted', { assignmentId: id, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: 'liaison' }, day(-3)),
      ev('AssignmentReturned', { assignmentId: id, reviewer: 'liaison', reason: 'r' }, day(-2)),
    ];
    expect(timersForAssignment(stateOf(events)).map((t) => t.kind)).toEqual(['reminder', 'reminder', 'overdue', 'escalation', 'escalation']);
  });
  it('a re-dated deadline produces new timer ids, dated from the new deadline', () => {
    const before = timersForAssignment(stateOf([issued()]));
    const moved = ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(14), reason: 'r', overdueCleared: false }, day(-10));
    const after = timersForAssignment(stateOf([issued(), moved]));
    expect(after.map((t) => t.kind)).toEqual(before.map((t) => t.kind));
    expect(after.map((t) => t.dueAt)).toEqual(before.map((t) => day(14, t.dueAt)));
    for (const timerId of ids(after)) expect(ids(before)).not.toContain(timerId);
  });
  it('a cleared overdue mark re-creates the overdue and escalation timers at the new deadline', () => {
    const moved = ev('AssignmentDeadlineMoved', { assignmentId: id, fromDueAt: DUE_AT, toDueAt: day(14), reason: 'r', overdueCleared: true }, day(4));
    const esc = ev('AssignmentEscalated', { assignmentId: id, departmentId: 'school-a', level: 1, to: 'office', dueAt: DUE_AT, daysOverdue: 3 }, day(3), timer);
    const timers = timersForAssignment(stateOf([issued(), overdue, esc, moved]));
    expect(timers.filter((t) => t.kind !== 'reminder').map((t) => [t.kind, t.dueAt])).toEqual([['overdue', day(14)], ['escalation', day(17)], ['escalation', day(24)]]);
  });
});

describe('compareTimers', () => {
  const at = '2022-09-01T00:00:00.000Z';
  const make = (kind: TimerKind, dueAt = at, timerId = `${kind}.x`): Timer =>
    ({ timerId, kind, dueAt, planId: PLAN_ID, target: { aggregate: 'plan', planId: PLAN_ID }, command: { type: 'MarkOverdue', data: { assignmentId: 'a' } } });
  const kinds = Object.keys(timerKindOrder) as TimerKind[];

  it('orders same-instant timers by kind: a phase opens before its work is issued; closing comes next, a target period\'s end last', () => {
    const shuffled = [...kinds].reverse().map((k) => make(k));
    expect(shuffled.sort(compareTimers).map((t) => t.kind)).toEqual(['phase-open', 'assignment-issue', 'reminder', 'overdue', 'escalation', 'phase-closing', 'phase-close', 'target-period-end']);
  });
  it('orders by instant first, whatever the kind, comparing instants not strings', () => {
    const early = make('phase-close', '2022-09-01T07:59:59+08:00');
    const late = make('phase-open', at);
    expect([late, early].sort(compareTimers)).toEqual([early, late]);
  });
  it('breaks ties of instant and kind by id, so the order is total', () => {
    const a = make('reminder', at, 'reminder.a');
    const b = make('reminder', at, 'reminder.b');
    expect([b, a].sort(compareTimers)).toEqual([a, b]);
    expect(compareTimers(a, a)).toBe(0);
  });
});
