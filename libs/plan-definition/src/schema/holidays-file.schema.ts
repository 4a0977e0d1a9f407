import { z } from 'zod';
import { LocalDate, Text } from './primitives.schema';

/**
 * A deployer's holiday file (PLANLEDGER_HOLIDAYS_FILE): days that extend or override the table
 * from chinese-days, e.g. a new State Council notice before the package carries it, or a
 * province's own day off. One entry per date.
 */
export const HolidayFileDay = z.strictObject({
  date: LocalDate,
  /** holiday: a day off; working-day: a day worked (调休上班 on a weekend, or a day off cancelled). */
  kind: z.enum(['holiday', 'working-day']),
  /** The holiday, or the holiday a make-up working day pays for (春节). */
  name: Text,
  /** The notice it comes from (国办发明电〔2026〕x号). */
  notice: Text.optional(),
});
/** One day of the file, as libs/calendar's withHolidayOverrides takes it. */
export type HolidayFileDay = z.infer<typeof HolidayFileDay>;

export const HolidaysFile = z.strictObject({
  /** JSON files name their schema (libs/plan-definition/holidays-file.schema.json) with this key. */
  $schema: z.string().optional(),
  days: z.array(HolidayFileDay).min(1, 'list at least one day'),
});
export type HolidaysFile = z.infer<typeof HolidaysFile>;
