import type { InspectionEvent } from '../inspection/inspection.events';
import type { DomainEventOf } from '../shared/decider';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { ScheduleChanges } from '../schedule/schedule-diff';

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

export type PlanEvent = PlanDrafted | PlanDraftRevised | PlanPublished | PlanAmended | PlanClosed | OutsideEventRecorded | InspectionEvent;
