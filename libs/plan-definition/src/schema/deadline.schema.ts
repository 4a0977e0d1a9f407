import { z } from 'zod';
import { Identifier, LocalDate } from './primitives.schema';
import { AsapDeadline, DekadDeadline, HalfYearDeadline, MonthDeadline, WindowDeadline } from './coarse-deadline.schema';
import { PerTermDeadline, TermDeadline } from './school-calendar.schema';
import { DailyDeadline, LunarDeadline, MonthlyDeadline, NthWeekdayDeadline, SolarTermDeadline, WeeklyDeadline } from './recurring-deadline.schema';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "于3月5日前报": by the end of one local day. */
export const FixedDeadline = z
  .strictObject({
    kind: z.literal('fixed'),
    date: LocalDate,
  })
  .describe('By the end of one local day, e.g. 于3月5日前报 → date: 2022-03-05');

/** "每年11月底前": every year of the span, by a month/day; day "end" is the month's last day. */
export const YearlyDeadline = z
  .strictObject({
    kind: z.literal('yearly'),
    month: z.number().int().min(1).max(12),
    day: z.union([z.number().int().min(1).max(31), z.literal('end')]),
  })
  // 29 February is allowed: the scheduler moves it in years that lack it.
  .refine((d) => d.day === 'end' || d.day <= DAYS_IN_MONTH[d.month - 1], {
    message: 'that month does not have this many days; write day: end for the last day of the month',
    path: ['day'],
  })
  .describe('Every year of the span by a month and day, e.g. 每年11月底前 → month: 11, day: end');

/** "每年至少召开2次", "每学期一次", "每周不得少于1次": at least N in every period. */
export const CountPerPeriodDeadline = z
  .strictObject({
    kind: z.literal('count'),
    atLeast: z.number().int().min(1),
    per: z.enum(['week', 'month', 'semester', 'school-year', 'year']),
  })
  .describe('At least N in every period, e.g. 每年至少召开2次 → atLeast: 2, per: year');

/** "每3年核定一次": once every N years from a first due date. */
export const CycleDeadline = z
  .strictObject({
    kind: z.literal('cycle'),
    everyYears: z.number().int().min(1),
    firstDue: LocalDate,
  })
  .describe('Once every N years from a first due date, e.g. 每3年核定一次 → everyYears: 3');

/** "总结阶段 ... 形成总结报告": relative to a phase's start or end, offset in days (negative = before). */
export const PhaseRelativeDeadline = z
  .strictObject({
    kind: z.literal('phase'),
    phase: Identifier,
    anchor: z.enum(['start', 'end']).default('end'),
    offsetDays: z.number().int().default(0),
  })
  .describe("Relative to a phase's start or end, e.g. 总结阶段形成总结报告 → phase: summary, anchor: end");

/**
 * "常态化", "长期坚持": a standing duty with no due date. Issued when its phase (or the plan)
 * opens, it stays in the inbox as standing: no reminders, no overdue mark, no escalation.
 * `selfReport` adds a periodic self-report (定期自查) with ordinary deadlines.
 */
export const StandingDeadline = z
  .strictObject({
    kind: z.literal('standing'),
    selfReport: z.strictObject({ every: z.enum(['month', 'semester', 'school-year']) }).optional(),
  })
  .describe('No due date (常态化, 长期坚持), e.g. 常态化开展校园安全隐患排查 → kind: standing, selfReport: { every: semester }');

export const Deadline = z.discriminatedUnion('kind', [
  FixedDeadline,
  YearlyDeadline,
  CountPerPeriodDeadline,
  CycleDeadline,
  PhaseRelativeDeadline,
  // Coarse deadlines (本月, 上旬/中旬/下旬, 上半年, a window, 尽快): coarse-deadline.schema.ts
  MonthDeadline,
  DekadDeadline,
  HalfYearDeadline,
  WindowDeadline,
  AsapDeadline,
  // The school calendar (学期初/期中/期末, 每学期N次): school-calendar.schema.ts
  TermDeadline,
  PerTermDeadline,
  // Recurrence (每日, 每周五, 每月最后一个工作日, 5月第二个星期日, 端午, 清明): recurring-deadline.schema.ts
  DailyDeadline,
  WeeklyDeadline,
  MonthlyDeadline,
  NthWeekdayDeadline,
  LunarDeadline,
  SolarTermDeadline,
  // Standing duties (常态化): standing-deadline in this file
  StandingDeadline,
]);
export type Deadline = z.infer<typeof Deadline>;
