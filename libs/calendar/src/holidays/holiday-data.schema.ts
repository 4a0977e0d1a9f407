import { z } from 'zod';
import { isWeekend } from '../local-date';

const LocalDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD');

export const HolidayBreak = z
  .strictObject({
    name: z.string().min(1),
    nameEn: z.string().min(1),
    from: LocalDateText,
    to: LocalDateText,
    /** Weekend days worked instead (调休上班) to pay for the break. */
    makeUpWorkingDays: z.array(LocalDateText).default([]),
  })
  .refine((b) => b.from <= b.to, { message: 'a holiday break must not end before it starts' })
  .refine((b) => b.makeUpWorkingDays.every(isWeekend), { message: 'make-up working days are weekend days' });

export const HolidayYear = z.strictObject({
  year: z.number().int(),
  notice: z.string().min(1),
  holidays: z.array(HolidayBreak),
});

export const HolidayCalendarData = z
  .strictObject({
    country: z.string().min(1),
    name: z.string().min(1),
    source: z.string().min(1),
    notes: z.array(z.string()).default([]),
    years: z.array(HolidayYear),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<number>();
    for (const { year } of data.years) {
      if (seen.has(year)) ctx.addIssue({ code: 'custom', message: `year ${year} is listed twice` });
      seen.add(year);
    }
  });
export type HolidayCalendarData = z.infer<typeof HolidayCalendarData>;
