import chinaHolidayData from '../../data/cn-holidays.json';
import { createHolidayCalendar, type HolidayCalendar } from './holiday-calendar';

/**
 * Our hand-typed table of the State Council notices 2021–2026 (data/cn-holidays.json). No longer the
 * source of working days (chinese-days is, see china-holidays.ts): kept as the independent witness
 * the cross-check spec holds chinese-days to, day by day.
 */
export const handTypedChinaHolidays: HolidayCalendar = createHolidayCalendar(chinaHolidayData);
