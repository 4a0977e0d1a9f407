export * from './local-date';
export * from './instants';
export * from './school-year';
export * from './periods';
export * from './recurrence';
export * from './working-days';
export { createHolidayCalendar, weekendsOnlyCalendar, coversDate, type HolidayCalendar } from './holidays/holiday-calendar';
export { HolidayCalendarData } from './holidays/holiday-data.schema';
export { chinaHolidays, CHINESE_DAYS_VERSION } from './holidays/china-holidays';
export { withHolidayOverrides, type HolidayOverride } from './holidays/holiday-overrides';

export * from './coarse-periods';
export * from './school-terms';
export * from './lunar-calendar';
export * from './recurring-days';
