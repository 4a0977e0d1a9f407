import { WorkflowSpecification } from '../testing/workflow-spec';
import { assignmentEvent, PLAN_ID, planEvent, planner, schedule, timer as timerActor } from '../testing/fixtures';
import { systemActor } from '../shared/actor';
import { inMemoryPlanWorkflow } from './in-memory-aggregates';
import { planWorkflow, type PlanWorkflowInput } from './plan-workflow';
import type { PlanledgerEvent } from '../events/planledger-event';
import type { AggregateRef } from '../streams/stream-names';
import type { Obligation } from '../schedule/plan-schedule';

/** ADR 0024: each finding of an inspection issues a rectification (整改) reviewed by the inspecting unit. */
const spec = WorkflowSpecification.for(planWorkflow, inMemoryPlanWorkflow);
const S = schedule({ inspections: [{ inspectionId: 'spring', name: '春季开学专项督查', inspectingUnitId: 'bureau', unitIds: ['school-a'], rectificationDays: 30 }] });
const planRef: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
const on = (event: PlanledgerEvent): PlanWorkflowInput => ({ target: planRef, event });
const drafted = on(planEvent('PlanDrafted', { planId: PLAN_ID, schedule: S, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
const published = on(planEvent('PlanPublished', { planId: PLAN_ID, schedule: S }, '2022-01-15T00:00:00.000Z', planner));
const AT = '2022-03-01T06:00:00.000Z';
const DUE = '2022-03-31T06:00:00.000Z';
const inspected = on(planEvent('InspectionRecorded', { planId: PLAN_ID, inspectionId: 'spring', inspectingUnitId: 'bureau', unitIds: ['school-a'], date: '2022-03-01', scheduled: true, recordedBy: 'u-planner', at: AT }, AT, planner));
const finding = (n: number, text: string) =>
  on(planEvent('FindingRecorded', { planId: PLAN_ID, inspectionId: 'spring', findingId: `spring-${n}`, unitId: 'school-a', text, rectificationAssignmentId: `rectify-spring.school-a.finding-${n}`, at: AT, dueAt: DUE }, AT, planner));

const rectification = (n: number, text: string): Obligation => ({
  assignmentId: `rectify-spring.school-a.finding-${n}`, measureId: 'rectify-spring', title: `限期整改:${text}`, departmentId: 'school-a', responsibility: 'lead',
  periodKey: `finding-${n}`, requiredCount: 1, issueAt: AT, dueAt: DUE, reviewers: ['bureau'], remindDaysBefore: [7, 1], escalation: [{ afterDays: 7, to: 'leading-group' }],
});
const issue = (obligation: Obligation) => ({
  type: 'GiveCommand' as const,
  target: { aggregate: 'assignment' as const, planId: PLAN_ID, assignmentId: obligation.assignmentId },
  command: { type: 'IssueAssignment' as const, data: { planId: PLAN_ID, obligation }, metadata: { actor: systemActor, at: AT } },
});

describe('the plan workflow: findings', () => {
  it('an inspection itself issues nothing', () => {
    spec.given([drafted, published]).when(inspected).thenNothing();
  });
  it('given an inspection, each of its two findings issues a rectification to the inspected unit, reviewed by the inspecting unit, escalated to the leading group', () => {
    spec.given([drafted, published, inspected]).when(finding(1, '作业公示不到位')).then([issue(rectification(1, '作业公示不到位'))]);
    spec.given([drafted, published, inspected, finding(1, '作业公示不到位')]).when(finding(2, '课后服务台账不全')).then([issue(rectification(2, '课后服务台账不全'))]);
  });
  it('a rectification already issued is not issued again (a replayed reaction)', () => {
    const ref = { aggregate: 'assignment' as const, planId: PLAN_ID, assignmentId: 'rectify-spring.school-a.finding-1' };
    const issued = { target: ref, event: assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: rectification(1, '作业公示不到位') }, AT, timerActor) };
    spec.given([drafted, published, inspected, issued]).when(finding(1, '作业公示不到位')).thenNothing();
  });
  it('a closed plan issues no rectification', () => {
    const closed = on(planEvent('PlanClosed', { planId: PLAN_ID, reason: '期满' }, '2022-02-01T00:00:00.000Z', planner));
    spec.given([drafted, published, inspected, closed]).when(finding(1, '作业公示不到位')).thenNothing();
  });
});
