import { z } from 'zod';

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const Offset = z.number().int().min(-60).max(60).optional().describe('Days after the day named (negative = before), e.g. -1 for 节前一天');

/** "每个工作日报送": every working day of the duty's windows (holiday table and make-up days applied). */
export const DailyDeadline = z
  .strictObject({ kind: z.literal('daily') })
  .describe('Every working day, e.g. 每日报送 → kind: daily');

/** "每周五前报送": every week by a weekday. */
export const WeeklyDeadline = z
  .strictObject({ kind: z.literal('weekly'), weekday: Weekday })
  .describe('Every week by a weekday, e.g. 每周五前 → weekday: fri');

/** "每月10日前", "每月底", "每月最后一个工作日": every month by a day, its last day or its last working day. */
export const MonthlyDeadline = z
  .strictObject({
    kind: z.literal('monthly'),
    day: z.union([z.number().int().min(1).max(31), z.literal('end'), z.literal('last-working-day')]),
  })
  .describe('Every month by a day (a day past the month\'s end means its last day), e.g. 每月10日前 → day: 10');

/** "每年5月第二个星期日": every year on the nth (or last: -1) weekday of a month. */
export const NthWeekdayDeadline = z
  .strictObject({
    kind: z.literal('nth-weekday'),
    month: z.number().int().min(1).max(12),
    nth: z.union([z.number().int().min(1).max(5), z.literal(-1)]).describe('1–5, or -1 for the last'),
    weekday: Weekday,
    offsetDays: Offset,
  })
  .describe('Every year on the nth weekday of a month, e.g. 母亲节(5月第二个星期日) → month: 5, nth: 2, weekday: sun');

export const LunarFestival = z.enum(['spring-festival', 'lantern', 'dragon-boat', 'qixi', 'mid-autumn', 'double-ninth', 'laba']);

/** "端午节前", "中秋节": every year on a lunar-calendar day, named or as lunar month/day. */
export const LunarDeadline = z
  .strictObject({
    kind: z.literal('lunar'),
    festival: LunarFestival.optional().describe('spring-festival 春节, lantern 元宵, dragon-boat 端午, qixi 七夕, mid-autumn 中秋, double-ninth 重阳, laba 腊八'),
    lunarMonth: z.number().int().min(1).max(12).optional(),
    lunarDay: z.number().int().min(1).max(30).optional(),
    offsetDays: Offset,
  })
  .refine((d) => (d.festival !== undefined ? d.lunarMonth === undefined && d.lunarDay === undefined : d.lunarMonth !== undefined && d.lunarDay !== undefined), {
    message: 'name a festival, or give lunarMonth and lunarDay (not both)',
  })
  .describe('Every year on a lunar-calendar day, e.g. 端午节前一天 → festival: dragon-boat, offsetDays: -1');

export const SolarTermName = z.enum([
  'minor-cold', 'major-cold', 'start-of-spring', 'rain-water', 'awakening-of-insects', 'spring-equinox',
  'qingming', 'grain-rain', 'start-of-summer', 'grain-full', 'grain-in-ear', 'summer-solstice',
  'minor-heat', 'major-heat', 'start-of-autumn', 'end-of-heat', 'white-dew', 'autumn-equinox',
  'cold-dew', 'frost-descent', 'start-of-winter', 'minor-snow', 'major-snow', 'winter-solstice',
]);

/** "清明节前": every year on one of the 24 solar terms (节气). */
export const SolarTermDeadline = z
  .strictObject({
    kind: z.literal('solar-term'),
    term: SolarTermName.describe('qingming 清明, winter-solstice 冬至, …'),
    offsetDays: Offset,
  })
  .describe('Every year on a solar term, e.g. 清明节前 → term: qingming, offsetDays: -1');

export type Weekday = z.infer<typeof Weekday>;
export type DailyDeadline = z.infer<typeof DailyDeadline>;
export type WeeklyDeadline = z.infer<typeof WeeklyDeadline>;
export type MonthlyDeadline = z.infer<typeof MonthlyDeadline>;
export type NthWeekdayDeadline = z.infer<typeof NthWeekdayDeadline>;
export type LunarDeadline = z.infer<typeof LunarDeadline>;
export type SolarTermDeadline = z.infer<typeof SolarTermDeadline>;
