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

export type PlanEvent = PlanDrafted | PlanDraftRevised | PlanPublished | PlanAmended | PlanClosed;
