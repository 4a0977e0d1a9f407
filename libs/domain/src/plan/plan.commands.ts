import type { InspectionCommand } from '../inspection/inspection.commands';
import type { Command } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanSource } from './plan.events';
import type { RosterEntry } from './roster';

export type DraftPlan = Command<'DraftPlan', { planId: string; schedule: PlanSchedule; source: PlanSource }>;
export type ReviseDraft = Command<'ReviseDraft', { planId: string; schedule: PlanSchedule; source: PlanSource }>;
export type PublishPlan = Command<'PublishPlan', { planId: string }>;
export type AmendPlan = Command<'AmendPlan', { planId: string; schedule: PlanSchedule; reason: string; source?: PlanSource }>;
export type ClosePlan = Command<'ClosePlan', { planId: string; reason: string }>;

/** Records when an outside event happened (or will: a visit announced for a date). */
export type RecordOutsideEvent = Command<
  'RecordOutsideEvent',
  { planId: string; eventId: string; date: string; dayClosesAt: string; units?: string[]; note?: string }
>;

/** Names who holds roles at units from now on (a roster supplied after publishing, ADR 0022). */
export type AssignRoster = Command<'AssignRoster', { planId: string; entries: RosterEntry[]; source?: string }>;

/** Records a target's value for a period, for a unit or plan-wide (unitId null); from a reporting assignment's submission or a planner. */
export type RecordMeasurement = Command<
  'RecordMeasurement',
  { planId: string; targetId: string; unitId: string | null; period: string; value: number | boolean | string; assignmentId?: string }
>;
/**
 * Targets' reporting periods have ended at this instant (a timer, ADR 0026): every series with no
 * value for a period ending then is at risk, or missed at the final period. One command per
 * instant, not per target: the plan's stream then holds the judgements in one order, the
 * schedule's, whichever host fires the timer.
 */
export type JudgeTargetPeriods = Command<'JudgeTargetPeriods', { planId: string; periodsEndedAt: Instant }>;
export type PlanCommand =
  | DraftPlan | ReviseDraft | PublishPlan | AmendPlan | ClosePlan | RecordOutsideEvent | AssignRoster | RecordMeasurement | JudgeTargetPeriods | InspectionCommand;
export type PlanCommandType = PlanCommand['type'];
