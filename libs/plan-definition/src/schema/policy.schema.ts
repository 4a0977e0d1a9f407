import { z } from 'zod';
import { Identifier } from './primitives.schema';

/** Reminders go out this many days before a deadline, e.g. [7, 1]. */
export const ReminderPolicy = z.strictObject({
  daysBefore: z.array(z.number().int().min(1).max(365)).max(10),
});

/**
 * Escalation (督办) levels: after N days overdue, the matter goes to a unit (leading group, office),
 * or to "liaison": the 包校 bureau leader answering for the school that owes the work.
 */
export const EscalationLevel = z.strictObject({
  afterDays: z.number().int().min(0).max(365),
  to: z.union([Identifier, z.literal('liaison')]).describe('The unit the overdue work goes to; "liaison" is the owing school\'s 包校 leader (organisation.liaisons)'),
});
// Levels are climbed in order, so each must come later than the one before it.
export const EscalationPolicy = z
  .array(EscalationLevel)
  .max(5)
  .refine((levels) => levels.every((level, i) => i === 0 || level.afterDays > levels[i - 1].afterDays), {
    message: 'escalation levels must come in increasing order of afterDays, e.g. 3 then 10',
  });

/** What to do when a deadline falls on a public holiday or weekend. */
export const HolidayRule = z
  .enum(['keep', 'next-working-day', 'previous-working-day'])
  .describe('A deadline on a weekend or holiday: keep it, move it to the next working day (顺延), or to the previous one (提前)');

export type ReminderPolicy = z.infer<typeof ReminderPolicy>;
export type EscalationLevel = z.infer<typeof EscalationLevel>;
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;
export type HolidayRule = z.infer<typeof HolidayRule>;

/** 尽快 ("as soon as possible"): this many working days after issue, unless the deadline says otherwise. */
export const AsapWorkingDays = z.number().int().min(1).max(120);
export const DEFAULT_ASAP_WORKING_DAYS = 5;
