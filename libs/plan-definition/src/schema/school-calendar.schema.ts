import { z } from 'zod';
import { LocalDate, SchoolYear } from './primitives.schema';

/** One term (学期) of a school year as the 校历 gives it; the mid-term day defaults to the middle day. */
export const SchoolTerm = z
  .strictObject({
    schoolYear: SchoolYear,
    term: z.union([z.literal(1), z.literal(2)]).describe('1 = autumn term (第一学期), 2 = spring term (第二学期)'),
    start: LocalDate.describe('开学: first day of the term'),
    end: LocalDate.describe('学期结束: last day of the term (the holiday begins the day after)'),
    midterm: LocalDate.optional().describe('期中: default the middle day of the term'),
  })
  .refine((t) => !(typeof t.start === 'string' && typeof t.end === 'string') || t.start < t.end, {
    message: 'the term ends before it starts: "end" must be after "start"',
    path: ['end'],
  })
  .refine((t) => t.midterm === undefined || (t.midterm > t.start && t.midterm < t.end), {
    message: 'the mid-term day must lie inside the term',
    path: ['midterm'],
  });

/** 校历: term dates per school year; years not listed use the documented default terms. */
export const SchoolCalendar = z
  .strictObject({
    terms: z.array(SchoolTerm).default([]),
  })
  .describe('Term dates (校历) per school year; years not listed: 1 Sep – 20 Jan and 1 Mar – 10 Jul');

/** "开学后2周内", "期中", "期末前": relative to the start, middle or end of every term. */
export const TermDeadline = z
  .strictObject({
    kind: z.literal('term'),
    anchor: z.enum(['start', 'mid', 'end']).describe('start = 学期初/开学, mid = 期中, end = 期末'),
    offsetDays: z.number().int().min(-120).max(120).optional().describe('Calendar days after the anchor (negative = before)'),
    offsetWorkingDays: z.number().int().min(-60).max(60).optional().describe('Working days after the anchor (negative = before)'),
    terms: z.array(z.union([z.literal(1), z.literal(2)])).min(1).optional().describe('Only these terms; default both'),
  })
  .refine((d) => d.offsetDays === undefined || d.offsetWorkingDays === undefined, {
    message: 'give offsetDays or offsetWorkingDays, not both',
    path: ['offsetWorkingDays'],
  })
  .describe('Every term relative to its start, mid-term or end, e.g. 开学后10个工作日内 → anchor: start, offsetWorkingDays: 10');

/** "每学期至少2次": at least N in every term; holidays between terms are not counted. */
export const PerTermDeadline = z
  .strictObject({
    kind: z.literal('per-term'),
    atLeast: z.number().int().min(1),
    partial: z
      .enum(['scale', 'skip'])
      .default('scale')
      .describe('A term only partly inside the duty: scale = round(atLeast × share of its days), none when that is 0; skip = no obligation'),
  })
  .describe('At least N in every term, e.g. 每学期至少2次 → atLeast: 2');

/** A separate 校历 file (schoolCalendarFile:), shared by the plans of a county: its terms. */
export const SchoolCalendarFile = z.strictObject({
  $schema: z.string().optional(),
  schoolCalendar: SchoolCalendar,
});

export type SchoolCalendarFile = z.infer<typeof SchoolCalendarFile>;
export type SchoolTerm = z.infer<typeof SchoolTerm>;
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;
export type TermDeadline = z.infer<typeof TermDeadline>;
export type PerTermDeadline = z.infer<typeof PerTermDeadline>;
