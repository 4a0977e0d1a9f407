import type { Command } from '../shared/decider';

/**
 * Records an inspection that took place. For one the plan names (`inspections:`) the inspecting
 * unit and the units default to the plan's; an unannounced one names both.
 */
export type RecordInspection = Command<
  'RecordInspection',
  { planId: string; inspectionId: string; date: string; inspectingUnitId?: string; unitIds?: string[]; eventId?: string }
>;

/**
 * Records one finding for one inspected unit. The rectification deadline: `dueAt` (an instant the
 * host computed from a date), else `rectificationDays` × 24 h after the recording, else the
 * inspection's plan default (30 days). `code`: the recorder's category, which finds repeats.
 */
export type RecordFinding = Command<
  'RecordFinding',
  { planId: string; inspectionId: string; unitId: string; text: string; code?: string; repeatOf?: string; rectificationDays?: number; dueAt?: string }
>;

export type InspectionCommand = RecordInspection | RecordFinding;
