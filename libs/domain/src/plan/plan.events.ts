import type { InspectionEvent } from '../inspection/inspection.events';
import type { DomainEventOf } from '../shared/decider';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { ScheduleChanges } from '../schedule/schedule-diff';
import type { RosterEntry } from './roster';
import type { MeasuredValue, TargetStatus } from '../targets/scheduled-target';

/** The definition as the planner wrote it, kept for the record (what the plan looked like). */
export interface PlanSource {
  fileName: string;
  format: 'yaml' | 'json';
  text: string;
}

export type PlanDrafted = DomainEventOf<'PlanDrafted', { planId: string; schedule: PlanSchedule; source: PlanSource }>;
export type PlanDraftRevised = DomainEventOf<'PlanDraftRevised', { planId: string; schedule: PlanSchedule; source: PlanSource }>;
export type PlanPublished = DomainEventOf<'PlanPublished', { planId: string; schedule: PlanSchedule }>;
export type PlanAmended = DomainEventOf<
  'PlanAmended',
  { planId: string; amendment: number; reason: string; schedule: PlanSchedule; changes: ScheduleChanges; source?: PlanSource }
>;
export type PlanClosed = DomainEventOf<'PlanClosed', { planId: string; reason: string }>;
/**
 * A planner recorded the date of an outside event the plan names (ADR 0015). `occurrence` counts
 * from 1 per event; `dayClosesAt` is the end of `date` in the plan's zone, what "N days before/after"
 * counts from. `units`: for an inspection, the units inspected; `note`: what the planner wrote.
 */
export type OutsideEventRecorded = DomainEventOf<
  'OutsideEventRecorded',
  { planId: string; eventId: string; occurrence: number; date: string; dayClosesAt: string; units: string[]; note: string }
>;

/**
 * A planner named who holds roles at units (班主任 of a class, 骨干教师 at a school; ADR 0022): each
 * entry replaces that role@unit's holders from `at` on (an empty list vacates it). Never updated in
 * place: the plan stream's RosterAssigned events, replayed to an instant, say who held a role then.
 * `source`: the roster file's name, when it came from one.
 */
export type RosterAssigned = DomainEventOf<'RosterAssigned', { planId: string; entries: RosterEntry[]; source?: string }>;

/**
 * A target's value for one period (ADR 0023; shape shared with #15 assessment). `unitId` null: the
 * target is plan-wide. `assignmentId`: the reporting assignment whose submission carried it.
 * `measuredAt` is the business time it was recorded, what an as-of replay cuts at.
 */
export type TargetMeasured = DomainEventOf<
  'TargetMeasured',
  { planId: string; targetId: string; unitId: string | null; period: string; value: MeasuredValue; assignmentId?: string; recordedBy: string; measuredAt: string }
>;
/** A target's status moved (by the rule in docs/plan-language/targets.md), with why, in words. */
export type TargetStatusChanged = DomainEventOf<
  'TargetStatusChanged',
  { planId: string; targetId: string; unitId: string | null; period: string; status: TargetStatus; previousStatus?: TargetStatus; reason: string; at: string }
>;

export type PlanEvent = PlanDrafted | PlanDraftRevised | PlanPublished | PlanAmended | PlanClosed | OutsideEventRecorded | RosterAssigned | TargetMeasured | TargetStatusChanged | InspectionEvent;
