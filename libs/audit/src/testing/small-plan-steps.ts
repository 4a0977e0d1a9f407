import { ISSUE_AT, PLAN_ID, head, meta, obligation, planner, reviewer, schedule, scheduledPhase, timer } from '@planledger/domain/testing';
import type { AggregateRef } from '@planledger/domain';
import type { EngineCommand } from '@planledger/engine';

/** One command of a small plan's life, as the service would give it to the CommandExecutor. */
export interface PlanStep {
  target: AggregateRef;
  command: EngineCommand;
}

const later = (days: number): string => new Date(Date.parse(ISSUE_AT) + days * 86_400_000).toISOString();

/**
 * Draft → publish → phases scheduled and opened → two assignments issued and worked on, one
 * reassigned and accepted: every aggregate kind, every common event.
 */
export function smallPlanSteps(): PlanStep[] {
  const s = schedule({ obligations: [obligation(), obligation({ assignmentId: 'm2.school-a.once', measureId: 'm2', title: '开展自查' })] });
  const plan: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
  const phase = (phaseId: string): AggregateRef => ({ aggregate: 'phase', planId: PLAN_ID, phaseId });
  const work = (assignmentId: string): AggregateRef => ({ aggregate: 'assignment', planId: PLAN_ID, assignmentId });
  const [m1, m2] = s.obligations;
  const [mobilise, implement] = s.phases;
  return [
    { target: plan, command: { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: s, source: { fileName: 'plan.yaml', format: 'yaml', text: 'plan: {}' } }, metadata: meta(later(-30), planner) } },
    { target: plan, command: { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta(later(-20), planner) } },
    { target: phase(mobilise.phaseId), command: { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: mobilise.phaseId, phase: mobilise }, metadata: meta(later(-20), timer) } },
    { target: phase(implement.phaseId), command: { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: implement.phaseId, phase: scheduledPhase({ ...implement }) }, metadata: meta(later(-20), timer) } },
    { target: phase(mobilise.phaseId), command: { type: 'OpenPhase', data: { planId: PLAN_ID, phaseId: mobilise.phaseId }, metadata: meta(ISSUE_AT, timer) } },
    { target: work(m1.assignmentId), command: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: m1 }, metadata: meta(ISSUE_AT, timer) } },
    { target: work(m2.assignmentId), command: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: m2 }, metadata: meta(ISSUE_AT, timer) } },
    { target: work(m1.assignmentId), command: { type: 'AcknowledgeAssignment', data: { assignmentId: m1.assignmentId }, metadata: meta(later(1), head) } },
    { target: work(m1.assignmentId), command: { type: 'StartAssignment', data: { assignmentId: m1.assignmentId }, metadata: meta(later(2), head) } },
    { target: work(m2.assignmentId), command: { type: 'ReassignAssignment', data: { assignmentId: m2.assignmentId, toDepartmentId: 'school-b', reason: '转交' }, metadata: meta(later(3), head) } },
    { target: work(m1.assignmentId), command: { type: 'SubmitAssignment', data: { assignmentId: m1.assignmentId, note: 'done' }, metadata: meta(later(5), head) } },
    { target: work(m1.assignmentId), command: { type: 'AcceptAssignment', data: { assignmentId: m1.assignmentId, note: '通过' }, metadata: meta(later(6), reviewer) } },
    { target: work(m2.assignmentId), command: { type: 'AcknowledgeAssignment', data: { assignmentId: m2.assignmentId }, metadata: meta(later(7), { userId: 'u-head-b', role: 'department_head', departmentId: 'school-b' }) } },
  ];
}
