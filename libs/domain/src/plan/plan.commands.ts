import type { InspectionCommand } from '../inspection/inspection.commands';
import type { Command } from '../shared/decider';
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
/** A target's reporting period has ended (a timer, ADR 0026): its series with no value for it are at risk, or missed at the final period. */
export type JudgeTargetPeriod = Command<'JudgeTargetPeriod', { planId: string; targetId: string; period: string }>;
export type PlanCommand =
  | DraftPlan | ReviseDraft | PublishPlan | AmendPlan | ClosePlan | RecordOutsideEvent | AssignRoster | RecordMeasurement | JudgeTargetPeriod | InspectionCommand;
export type PlanCommandType = PlanCommand['type'];
