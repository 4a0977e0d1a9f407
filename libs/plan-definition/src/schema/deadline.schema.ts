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

/**
 * "迎检前7天完成自查", "接上级通知后10个工作日内上报": relative to an outside event the plan names
 * under `events:`, whose date a planner records later. Nothing is issued until it is recorded;
 * "before" work is issued when it is recorded and due N days before the event's date, "after"
 * work is due N days after it. For a recurring event, once after each occurrence. N counts
 * calendar days (`before`, `after`) or working days (`beforeWorkingDays`, `afterWorkingDays`:
 * the holiday table's days off and make-up working days, as `term` and `asap` count them).
 */
const EVENT_OFFSETS = ['before', 'after', 'beforeWorkingDays', 'afterWorkingDays'] as const;
export const OutsideEventDeadline = z
  .strictObject({
    kind: z.literal('event'),
    event: Identifier,
    before: z.number().int().min(0).optional().describe('Calendar days before the event'),
    after: z.number().int().min(0).optional().describe('Calendar days after the event'),
    beforeWorkingDays: z.number().int().min(0).max(60).optional().describe('Working days before the event (迎检前5个工作日)'),
    afterWorkingDays: z.number().int().min(0).max(60).optional().describe('Working days after the event (接通知后10个工作日内)'),
  })
  .refine((d) => EVENT_OFFSETS.filter((key) => d[key] !== undefined).length === 1, {
    message: 'say one of before: N, after: N, beforeWorkingDays: N or afterWorkingDays: N (relative to the event), not several and not none',
    path: ['before'],
  })
  .describe('Relative to an outside event recorded later, e.g. 迎检前7天完成自查 → event: visit, before: 7; 接通知后10个工作日内 → afterWorkingDays: 10');

/**
 * 倒排工期, "6月30日前竣工验收,竣工前20天完成设备安装": a step due N days before another step's
 * due date. A chain ends in a step with a date of its own (fixed, phase …); compiled statically.
 */
export const BeforeStepDeadline = z
  .strictObject({
    kind: z.literal('before'),
    step: Identifier,
    days: z.number().int().min(0),
  })
  .describe('N days before another measure or deliverable falls due, e.g. 竣工前20天完成设备安装 → step: completion, days: 20');

/**
 * "方案审定后10日内组织实施": issued when another measure's or deliverable's work is accepted,
 * due N days after the acceptance (`days`: N × 24 h; `workingDays`: the end of the N-th working
 * day after the day of the acceptance). Department by department when both fan out to the same
 * units; all at once when the step before has a single responsible unit (ADR 0015, ADR 0020).
 */
export const AfterAcceptedDeadline = z
  .strictObject({
    kind: z.literal('after-accepted'),
    step: Identifier,
    days: z.number().int().min(0).optional().describe('Calendar days after the acceptance'),
    workingDays: z.number().int().min(0).max(60).optional().describe('Working days after the acceptance (审定后5个工作日内)'),
  })
  .refine((d) => (d.days === undefined) !== (d.workingDays === undefined), {
    message: 'say either days: N or workingDays: N (after the acceptance), not both and not neither',
    path: ['days'],
  })
  .describe('N days after another step is accepted, e.g. 方案审定后10日内组织实施 → step: plan-drafting, days: 10; 审定后5个工作日内 → workingDays: 5');

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
  OutsideEventDeadline,
  BeforeStepDeadline,
  AfterAcceptedDeadline,
]);
export type Deadline = z.infer<typeof Deadline>;
