import type { InspectionCommand } from '../inspection/inspection.commands';
import type { Command } from '../shared/decider';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanSource } from './plan.events';

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

export type PlanCommand = DraftPlan | ReviseDraft | PublishPlan | AmendPlan | ClosePlan | RecordOutsideEvent | InspectionCommand;
export type PlanCommandType = PlanCommand['type'];
