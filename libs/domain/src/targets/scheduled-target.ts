/**
 * A target as the engine runs it (ADR 0023): compiled from the plan language's `targets:` into
 * the schedule, so that judging a measurement never re-reads the plan file. Periods are labels:
 * a calendar year "2023" or a school year "2022-2023"; one target uses one kind of label.
 */
import type { Instant } from '../shared/time';

export type TargetKind = 'threshold' | 'pass-fail' | 'grade' | 'ratio' | 'cumulative' | 'rising' | 'held';
export type TargetStatus = 'on-track' | 'at-risk' | 'met' | 'missed';
export type MeasuredValue = number | boolean | string;

export interface TargetMilestone {
  period: string;
  /** threshold, ratio (a multiple of the baseline), cumulative (running total), held (most allowed): a number; pass-fail: true; grade: a level. */
  value: MeasuredValue;
}

export interface ScheduledTarget {
  targetId: string;
  metric: string;
  kind: TargetKind;
  /** threshold only: how a value is compared with a milestone. */
  comparison?: '>=' | '<=' | '=';
  /** Unit of measure as written (%, 所, 人, 起). */
  unit: string;
  /** Milestones in period order; the last is the target itself (its `by`). */
  milestones: TargetMilestone[];
  /** ratio (required) and rising (optional): the base year's value. */
  baseline?: { period: string; value: number };
  /** grade: the levels, lowest first. */
  levels?: string[];
  /** rising: which way is better ('down' for 近视率每年降低) and the least change per period. */
  direction?: 'up' | 'down';
  minStep?: number;
  /** Units measured one by one (fanned out); empty: the target is plan-wide (unitId null). */
  unitIds: string[];
  /** Who reports the value: a reporting assignment per unit and milestone period (absent: values are recorded by a planner). */
  measuredBy?: { departmentIds: string[]; perUnit: boolean };
  /**
   * Each reporting period and the instant it is judged, the first after it in the plan's zone
   * (ADR 0026): a series with no value for it by then is at risk, or missed at the final period.
   * Absent in schedules compiled before ADR 0026: those targets are judged only at the plan's close.
   */
  periodEnds?: TargetPeriodEnd[];
}

/** A reporting period ("2023", "2023-2024") and the instant it has ended (local midnight after its last day). */
export interface TargetPeriodEnd {
  period: string;
  judgedAt: Instant;
}

/** The label kinds a period may be written in. */
const CALENDAR_YEAR = /^(\d{4})$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** The year a period label starts in, or undefined when it is no period label ("2022-2023": 2022). */
export function periodStartYear(period: string): number | undefined {
  const calendar = CALENDAR_YEAR.exec(period);
  if (calendar) return Number(calendar[1]);
  const school = SCHOOL_YEAR.exec(period);
  if (school && Number(school[2]) === Number(school[1]) + 1) return Number(school[1]);
  return undefined;
}

/** Whether two labels are of the same kind (both calendar years or both school years). */
export const samePeriodKind = (a: string, b: string): boolean => CALENDAR_YEAR.test(a) === CALENDAR_YEAR.test(b);

/** The target's key in plan state and read models: one series per target and unit. */
export const targetSeriesKey = (targetId: string, unitId: string | null): string => `${targetId}@${unitId ?? '*'}`;

/** Why a value cannot be a measurement of this target, or undefined when it can. */
export function invalidValueReason(target: ScheduledTarget, value: MeasuredValue): string | undefined {
  switch (target.kind) {
    case 'pass-fail':
      return typeof value === 'boolean' ? undefined : `target "${target.targetId}" is pass/fail: give true (passed) or false, not ${JSON.stringify(value)}`;
    case 'grade':
      return typeof value === 'string' && target.levels?.includes(value)
        ? undefined
        : `target "${target.targetId}" is graded: give one of ${(target.levels ?? []).join(', ')}, not ${JSON.stringify(value)}`;
    default:
      if (typeof value !== 'number' || !Number.isFinite(value)) return `target "${target.targetId}" is measured in ${target.unit}: give a number, not ${JSON.stringify(value)}`;
      if ((target.kind === 'cumulative' || target.kind === 'held' || target.kind === 'ratio') && value < 0) return `target "${target.targetId}": a ${target.kind} value is never negative (${value})`;
      return undefined;
  }
}
