import { z } from 'zod';
import { LocalDate } from './primitives.schema';

/** A calendar month written YYYY-MM, e.g. 2024-03 for "3月份". */
export const CalendarMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write a month as YYYY-MM, e.g. 2024-03');

/** "本月", "3月份完成": by the end of one calendar month, issued when the month begins. */
export const MonthDeadline = z
  .strictObject({
    kind: z.literal('month'),
    month: CalendarMonth,
  })
  .describe('By the end of a calendar month, e.g. 3月份完成 → month: 2024-03');

/** "3月上旬", "中旬", "下旬": days 1–10, 11–20 and 21 to the month's end. */
export const DekadDeadline = z
  .strictObject({
    kind: z.literal('dekad'),
    month: CalendarMonth,
    dekad: z.enum(['early', 'mid', 'late']).describe('early = 上旬 (1–10), mid = 中旬 (11–20), late = 下旬 (21–end)'),
  })
  .describe('By the end of a dekad (旬) of a month, e.g. 3月上旬 → month: 2024-03, dekad: early');

/** "上半年", "下半年": January–June or July–December of a year. */
export const HalfYearDeadline = z
  .strictObject({
    kind: z.literal('half-year'),
    year: z.number().int().min(1990).max(2100),
    half: z.enum(['first', 'second']).describe('first = 上半年 (to 30 June), second = 下半年 (to 31 December)'),
  })
  .describe('By the end of a half-year, e.g. 2024年上半年 → year: 2024, half: first');

/** "4月1日至4月30日开展自查": issued when the window opens, due when it closes. */
export const WindowDeadline = z
  .strictObject({
    kind: z.literal('window'),
    from: LocalDate,
    to: LocalDate,
  })
  .refine((w) => !(typeof w.from === 'string' && typeof w.to === 'string') || w.from <= w.to, {
    message: 'the window closes before it opens: "to" must be on or after "from"',
    path: ['to'],
  })
  .describe('Issued on "from", due on "to", e.g. 4月1日至4月30日 → from: 2024-04-01, to: 2024-04-30');

/** "尽快报送": N working days after issue (when its phase, or the plan, opens); N from the policy unless given. */
export const AsapDeadline = z
  .strictObject({
    kind: z.literal('asap'),
    workingDays: z.number().int().min(1).max(120).optional().describe('Working days after issue; default: policy.asapWorkingDays (5)'),
  })
  .describe('As soon as possible (尽快): N working days after the work is issued');

export type MonthDeadline = z.infer<typeof MonthDeadline>;
export type DekadDeadline = z.infer<typeof DekadDeadline>;
export type HalfYearDeadline = z.infer<typeof HalfYearDeadline>;
export type WindowDeadline = z.infer<typeof WindowDeadline>;
export type AsapDeadline = z.infer<typeof AsapDeadline>;
