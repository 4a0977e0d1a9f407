import chinaHolidayData from '../../data/cn-holidays.json';
import { createHolidayCalendar, type HolidayCalendar } from './holiday-calendar';

/** Mainland China, 2021–2026, from the State Council notices (see data/cn-holidays.json for sources). */
export const chinaHolidays: HolidayCalendar = createHolidayCalendar(chinaHolidayData);
