import { WorkflowSpecification } from '../testing/workflow-spec';
import { assignmentEvent, obligation, PLAN_ID, planEvent, planner, schedule, timer as timerActor } from '../testing/fixtures';
import { systemActor } from '../shared/actor';
import { diffSchedules } from '../schedule/schedule-diff';
import { inMemoryPlanWorkflow } from './in-memory-aggregates';
import { planWorkflow, type PlanWorkflowInput } from './plan-workflow';
import type { PlanledgerEvent } from '../events/planledger-event';
import type { AggregateRef } from '../streams/stream-names';
import type { EventObligation, Obligation, PlanSchedule } from '../schedule/plan-schedule';

/** ADR 0015: work hanging on an outside event is issued by the workflow when the event is recorded. */
const spec = WorkflowSpecification.for(planWorkflow, inMemoryPlanWorkflow);

const template = (over: Partial<EventObligation>): EventObligation => {
  const { assignmentId: _a, periodKey: _p, issueAt: _i, dueAt: _d, phaseId: _ph, ...terms } = obligation();
  return { ...terms, assignmentIdPrefix: `self-check.${terms.departmentId}`, eventId: 'visit', offsetDays: -7, measureId: 'self-check', ...over };
};
const selfCheck = template({});
const examAnalysis = template({ assignmentIdPrefix: 'analysis.school-a', measureId: 'analysis', eventId: 'exam', offsetDays: 10 });
const S: PlanSchedule = schedule({
  outsideEvents: [
    { eventId: 'visit', name: '省督导评估组迎检', recurring: false, inspection: false },
    { eventId: 'exam', name: '统考', recurring: true, inspection: false },
    { eventId: 'spot', name: '暗访', recurring: true, inspection: true },
  ],
  eventObligations: [selfCheck, examAnalysis],
});
const planRef: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
const on = (event: PlanledgerEvent): PlanWorkflowInput => ({ target: planRef, event });
const PUBLISHED_AT = '2022-01-15T00:00:00.000Z';
const drafted = on(planEvent('PlanDrafted', { planId: PLAN_ID, schedule: S, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
const published = on(planEvent('PlanPublished', { planId: PLAN_ID, schedule: S }, PUBLISHED_AT, planner));
const RECORDED_AT = '2022-04-20T02:00:00.000Z';
const recorded = (eventId: string, occurrence: number, date: string, at = RECORDED_AT, units: string[] = []) =>
  on(planEvent('OutsideEventRecorded', { planId: PLAN_ID, eventId, occurrence, date, dayClosesAt: `${date}T15:59:59.999Z`, units, note: '' }, at, planner));

const issue = (from: EventObligation, occurrence: string, dueAt: string, at = RECORDED_AT) => {
  const { assignmentIdPrefix, eventId: _e, offsetDays: _o, ...terms } = from;
  const obligation: Obligation = { ...terms, assignmentId: `${assignmentIdPrefix}.${occurrence}`, periodKey: occurrence, issueAt: at, dueAt };
  return {
    type: 'GiveCommand' as const,
    target: { aggregate: 'assignment' as const, planId: PLAN_ID, assignmentId: obligation.assignmentId },
    command: { type: 'IssueAssignment' as const, data: { planId: PLAN_ID, obligation }, metadata: { actor: systemActor, at } },
  };
};

describe('the plan workflow: outside events', () => {
  it('given a published plan, when the visit is recorded for 20 May, then the self-check is issued now, due 7 days before (13 May, end of day)', () => {
    spec.given([drafted, published]).when(recorded('visit', 1, '2022-05-20')).then([issue(selfCheck, 'visit-1', '2022-05-13T15:59:59.999Z')]);
  });
  it('each occurrence of a recurring event issues its own work, due N days after that occurrence', () => {
    spec.given([drafted, published, recorded('exam', 1, '2022-01-18')]).when(recorded('exam', 2, '2022-06-28')).then([issue(examAnalysis, 'exam-2', '2022-07-08T15:59:59.999Z')]);
  });
  it('recorded too late for "before" work: due no earlier than the recording', () => {
    const late = '2022-05-19T02:00:00.000Z';
    spec.given([drafted, published]).when(recorded('visit', 1, '2022-05-20', late)).then([issue(selfCheck, 'visit-1', late, late)]);
  });
  it('an inspection issues nothing: it is a recorded fact', () => {
    spec.given([drafted, published]).when(recorded('spot', 1, '2022-03-12', RECORDED_AT, ['school-a'])).thenNothing();
  });
  it('work already issued for that occurrence is not issued again (a replayed reaction)', () => {
    const first = issue(selfCheck, 'visit-1', '2022-05-13T15:59:59.999Z');
    const issued = { target: first.target, event: assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: first.command.data.obligation }, RECORDED_AT, timerActor) };
    spec.given([drafted, published, issued]).when(recorded('visit', 1, '2022-05-20')).thenNothing();
  });
  it('an amendment that drops the hanging work: a later recording issues only what the schedule in force names', () => {
    const amended = schedule({ outsideEvents: S.outsideEvents, eventObligations: [examAnalysis] });
    const amendment = on(planEvent('PlanAmended', { planId: PLAN_ID, amendment: 1, reason: '取消自查', schedule: amended, changes: diffSchedules(S, amended) }, '2022-03-01T00:00:00.000Z', planner));
    spec.given([drafted, published, amendment]).when(recorded('visit', 1, '2022-05-20')).thenNothing();
  });
  it('a closed plan issues nothing', () => {
    const closed = on(planEvent('PlanClosed', { planId: PLAN_ID, reason: '期满' }, '2022-04-01T00:00:00.000Z', planner));
    spec.given([drafted, published, closed]).when(recorded('visit', 1, '2022-05-20')).thenNothing();
  });
});

describe('the plan workflow: after X is accepted', () => {
  const followOn = { ...obligation({ assignmentId: 'implement.school-a.after-once', measureId: 'implement', periodKey: 'after-once' }), offsetDays: 10 };
  const { issueAt: _i, dueAt: _d, phaseId: _p, ...followOnTerms } = followOn;
  const predecessor = obligation({ followOns: [followOnTerms] });
  const ref: AggregateRef = { aggregate: 'assignment', planId: PLAN_ID, assignmentId: predecessor.assignmentId };
  const at = (event: PlanledgerEvent): PlanWorkflowInput => ({ target: ref, event });
  const issued = at(assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: predecessor }, '2022-02-01T00:00:00.000Z', timerActor));
  const submitted = at(assignmentEvent('AssignmentSubmitted', { assignmentId: predecessor.assignmentId, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: null }, '2022-03-01T00:00:00.000Z'));
  const ACCEPTED_AT = '2022-03-02T00:00:00.000Z';
  const accepted = at(assignmentEvent('AssignmentAccepted', { planId: PLAN_ID, assignmentId: predecessor.assignmentId, reviewer: null, note: '' }, ACCEPTED_AT));
  const plain = schedule();
  const draftedPlain = on(planEvent('PlanDrafted', { planId: PLAN_ID, schedule: plain, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
  const publishedPlain = on(planEvent('PlanPublished', { planId: PLAN_ID, schedule: plain }, PUBLISHED_AT, planner));

  it('given work with a follow-on, when it is accepted, then the follow-on is issued at the acceptance, due 10 days later', () => {
    const { offsetDays: _o, ...terms } = followOnTerms;
    const outputs = spec.given([draftedPlain, publishedPlain, issued, submitted]).when(accepted).outputs();
    expect(outputs.filter((o) => o.type === 'GiveCommand')).toEqual([
      {
        type: 'GiveCommand',
        target: { aggregate: 'assignment', planId: PLAN_ID, assignmentId: 'implement.school-a.after-once' },
        command: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: { ...terms, issueAt: ACCEPTED_AT, dueAt: '2022-03-12T00:00:00.000Z' } }, metadata: { actor: systemActor, at: ACCEPTED_AT } },
      },
    ]);
  });
  it('a follow-on already issued is not issued again', () => {
    const { offsetDays: _o, ...terms } = followOnTerms;
    const already = { target: { aggregate: 'assignment' as const, planId: PLAN_ID, assignmentId: terms.assignmentId }, event: assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: { ...terms, issueAt: ACCEPTED_AT, dueAt: ACCEPTED_AT } }, ACCEPTED_AT, timerActor) };
    const outputs = spec.given([draftedPlain, publishedPlain, issued, submitted, already]).when(accepted).outputs();
    expect(outputs.filter((o) => o.type === 'GiveCommand')).toEqual([]);
  });
});

/** ADR 0020: offsets in working days, counted with the holiday table the schedule carries. */
describe('the plan workflow: offsets in working days', () => {
  // May Day 2022: 30 April – 4 May off (the weekdays 2–4 May listed), Sunday 24 April and Saturday 7 May worked.
  const table = { name: 'test', timeZone: 'Asia/Shanghai', coveredYears: [2022], weekdaysOff: ['2022-05-02', '2022-05-03', '2022-05-04'], makeUpWorkingDays: ['2022-04-24', '2022-05-07'] };

  it('given "10 working days before the visit", when the visit is recorded for Friday 20 May, then it is due Saturday 7 May (a make-up day), past the holiday, not 10 May', () => {
    const visitPlan = template({ assignmentIdPrefix: 'visit-plan.school-a', measureId: 'visit-plan', offsetDays: -10, workingDays: true });
    const withTable = schedule({ outsideEvents: S.outsideEvents, eventObligations: [visitPlan], workingDayTable: table });
    const draftedT = on(planEvent('PlanDrafted', { planId: PLAN_ID, schedule: withTable, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
    const publishedT = on(planEvent('PlanPublished', { planId: PLAN_ID, schedule: withTable }, PUBLISHED_AT, planner));
    const { workingDays: _w, ...terms } = visitPlan;
    spec.given([draftedT, publishedT]).when(recorded('visit', 1, '2022-05-20')).then([issue(terms, 'visit-1', '2022-05-07T15:59:59.999Z')]);
  });

  it('given a follow-on due "3 working days after acceptance", when accepted on Friday 29 April, then it is due at the end of Saturday 7 May (5, 6 and the make-up 7 May)', () => {
    const followOn = { ...obligation({ assignmentId: 'implement.school-a.after-once', measureId: 'implement', periodKey: 'after-once' }), offsetDays: 3, workingDays: true as const };
    const { issueAt: _i, dueAt: _d, phaseId: _p, ...followOnTerms } = followOn;
    const predecessor = obligation({ followOns: [followOnTerms] });
    const ref: AggregateRef = { aggregate: 'assignment', planId: PLAN_ID, assignmentId: predecessor.assignmentId };
    const at = (event: PlanledgerEvent): PlanWorkflowInput => ({ target: ref, event });
    const withTable = schedule({ workingDayTable: table });
    const draftedT = on(planEvent('PlanDrafted', { planId: PLAN_ID, schedule: withTable, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
    const publishedT = on(planEvent('PlanPublished', { planId: PLAN_ID, schedule: withTable }, PUBLISHED_AT, planner));
    const issued = at(assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: predecessor }, '2022-02-01T00:00:00.000Z', timerActor));
    const submitted = at(assignmentEvent('AssignmentSubmitted', { assignmentId: predecessor.assignmentId, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: null }, '2022-04-28T00:00:00.000Z'));
    const ACCEPTED_AT = '2022-04-29T02:00:00.000Z';
    const accepted = at(assignmentEvent('AssignmentAccepted', { planId: PLAN_ID, assignmentId: predecessor.assignmentId, reviewer: null, note: '' }, ACCEPTED_AT));
    const outputs = spec.given([draftedT, publishedT, issued, submitted]).when(accepted).outputs();
    const { offsetDays: _o, workingDays: _w, ...terms } = followOnTerms;
    expect(outputs.filter((o) => o.type === 'GiveCommand')).toEqual([
      {
        type: 'GiveCommand',
        target: { aggregate: 'assignment', planId: PLAN_ID, assignmentId: 'implement.school-a.after-once' },
        command: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: { ...terms, issueAt: ACCEPTED_AT, dueAt: '2022-05-07T23:59:59.999+08:00' } }, metadata: { actor: systemActor, at: ACCEPTED_AT } },
      },
    ]);
  });
});
