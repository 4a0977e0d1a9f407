import { ISSUE_AT, PLAN_ID, day, meta, obligation, planner, schedule, scheduledPhase, timer } from '@planledger/domain/testing';
import type { Actor, AggregateRef, PlanSchedule } from '@planledger/domain';
import type { EngineCommand } from '@planledger/engine';

/** One command of the known history, with a mark where the as-of spec cuts. */
export interface HistoryStep {
  target: AggregateRef;
  command: EngineCommand;
}

const headOf = (departmentId: string): Actor => ({ userId: `u-head-${departmentId}`, role: 'department_head', departmentId });
const office: Actor = { ...planner, departmentId: 'office' };

/**
 * A small plan whose bulletin is computed by hand in bulletin-model.int.spec.ts: three schools,
 * six assignments, all due 2022-03-05T00:00Z (a Saturday, 08:00 in Shanghai) but m4 (due a month
 * later, in the implementation phase).
 * - m1 school-a: submitted 2 days early, accepted the day before → on time;
 * - m2 school-a: submitted early, returned, resubmitted 2 days late, accepted → late, returned once;
 * - m3 school-b: never submitted: overdue on the day, escalated (level 1, to office) 3 days later;
 * - m4 school-b: not due yet at the bulletin's moment;
 * - m5 school-b: submitted the day before, accepted on the day → on time;
 * - m6 school-c: submitted 5 days early, accepted → on time.
 * `extra` adds a 考核 rubric or a bulletin timetable to the schedule (assessment specs).
 * `cut` marks the step after which the as-of spec takes its recorded-time snapshot.
 */
export function knownHistory(extra: Partial<Pick<PlanSchedule, 'assessment' | 'bulletins'>> = {}): { schedule: PlanSchedule; steps: HistoryStep[]; cutAfter: number } {
  const reviewChain = { reviewers: [] as string[], submitTo: 'office', escalation: [{ afterDays: 3, to: 'office' }] };
  const ob = (measure: string, departmentId: string, over: Partial<ReturnType<typeof obligation>> = {}) =>
    obligation({ assignmentId: `${measure}.${departmentId}.once`, measureId: measure, title: `任务${measure}`, departmentId, ...reviewChain, ...over });
  const obligations = [
    ob('m1', 'school-a'), ob('m2', 'school-a'), ob('m3', 'school-b'),
    ob('m4', 'school-b', { phaseId: 'implement', dueAt: day(30) }), ob('m5', 'school-b'), ob('m6', 'school-c'),
  ];
  const s = schedule({
    departments: [
      { id: 'bureau', name: '連云區教育局', kind: 'bureau' },
      { id: 'office', name: '领导小组办公室', kind: 'office', parent: 'bureau' },
      { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
      { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' },
      { id: 'school-c', name: '丙小学', kind: 'school', parent: 'bureau' },
    ],
    obligations,
    ...extra,
  });
  const plan: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
  const phase = (phaseId: string): AggregateRef => ({ aggregate: 'phase', planId: PLAN_ID, phaseId });
  const work = (assignmentId: string): AggregateRef => ({ aggregate: 'assignment', planId: PLAN_ID, assignmentId });
  const id = (measure: string, dept: string) => `${measure}.${dept}.once`;
  const step = (target: AggregateRef, command: EngineCommand): HistoryStep => ({ target, command });
  const [mobilise, implement] = s.phases;
  const steps: HistoryStep[] = [
    step(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: s, source: { fileName: 'plan.yaml', format: 'yaml', text: 'plan: {}' } }, metadata: meta(day(-60), planner) }),
    step(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta(day(-50), planner) }),
    step(phase('mobilise'), { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: 'mobilise', phase: mobilise }, metadata: meta(day(-50), timer) }),
    step(phase('implement'), { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: 'implement', phase: scheduledPhase({ ...implement }) }, metadata: meta(day(-50), timer) }),
    step(phase('mobilise'), { type: 'OpenPhase', data: { planId: PLAN_ID, phaseId: 'mobilise' }, metadata: meta(ISSUE_AT, timer) }),
    ...obligations.map((o) => step(work(o.assignmentId), { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: o }, metadata: meta(ISSUE_AT, timer) })),
    step(work(id('m1', 'school-a')), { type: 'SubmitAssignment', data: { assignmentId: id('m1', 'school-a'), note: '方案' }, metadata: meta(day(-2), headOf('school-a')) }),
    step(work(id('m1', 'school-a')), { type: 'AcceptAssignment', data: { assignmentId: id('m1', 'school-a'), note: '通过' }, metadata: meta(day(-1), office) }),
    step(work(id('m2', 'school-a')), { type: 'SubmitAssignment', data: { assignmentId: id('m2', 'school-a'), note: '初稿' }, metadata: meta(day(-3), headOf('school-a')) }),
    // The as-of spec cuts here (recorded time): m1 accepted, m2 submitted, nothing returned, overdue or escalated yet.
    step(work(id('m2', 'school-a')), { type: 'ReturnAssignment', data: { assignmentId: id('m2', 'school-a'), reason: '内容不全' }, metadata: meta(day(-2), office) }),
    step(work(id('m5', 'school-b')), { type: 'SubmitAssignment', data: { assignmentId: id('m5', 'school-b'), note: '报告' }, metadata: meta(day(-1), headOf('school-b')) }),
    step(work(id('m6', 'school-c')), { type: 'SubmitAssignment', data: { assignmentId: id('m6', 'school-c'), note: '报告' }, metadata: meta(day(-5), headOf('school-c')) }),
    step(work(id('m6', 'school-c')), { type: 'AcceptAssignment', data: { assignmentId: id('m6', 'school-c'), note: '通过' }, metadata: meta(day(-4), office) }),
    step(work(id('m3', 'school-b')), { type: 'MarkOverdue', data: { assignmentId: id('m3', 'school-b') }, metadata: meta(day(0), timer) }),
    step(work(id('m5', 'school-b')), { type: 'AcceptAssignment', data: { assignmentId: id('m5', 'school-b'), note: '通过' }, metadata: meta(day(0), office) }),
    step(work(id('m2', 'school-a')), { type: 'SubmitAssignment', data: { assignmentId: id('m2', 'school-a'), note: '修改稿' }, metadata: meta(day(2), headOf('school-a')) }),
    step(work(id('m2', 'school-a')), { type: 'AcceptAssignment', data: { assignmentId: id('m2', 'school-a'), note: '通过' }, metadata: meta(day(3), office) }),
    step(work(id('m3', 'school-b')), { type: 'EscalateAssignment', data: { assignmentId: id('m3', 'school-b'), level: 1 }, metadata: meta(day(3), timer) }),
  ];
  return { schedule: s, steps, cutAfter: 5 + obligations.length + 3 };
}
