// The package's own data file, not its functions: isWorkday/getDayDetail read dates through the
// process's local-time Date methods (see lunar-calendar.ts), so west of Greenwich they answer for
// the day before. The data is keyed by YYYY-MM-DD and depends on no zone.
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { yearOf, type LocalDate } from '../local-date';
import type { HolidayCalendar } from './holiday-calendar';

/** chinese-days' version, named in messages about which years the table covers (pinned in package.json). */
export const CHINESE_DAYS_VERSION = '1.5.7';

interface ChineseDaysData {
  /** Day off → "English name,中文名,statutory days". */
  holidays: Record<string, string>;
  /** Weekend day worked instead (调休上班) → the holiday it pays for, same format. */
  workdays: Record<string, string>;
}

/** chinese-days shortens some names (清明, 端午, 中秋); we say them as the notices do. */
const noticeNames: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const chineseNameOf = (entry: string): string => {
  const name = entry.split(',')[1] ?? entry;
  return noticeNames[name] ?? name;
};

/** A calendar from chinese-days' tables: the years it covers are those its holidays fall in. */
export const calendarFromChineseDays = (data: ChineseDaysData, name: string): HolidayCalendar => {
  const holidays = new Map<LocalDate, string>(Object.entries(data.holidays).map(([day, entry]) => [day, chineseNameOf(entry)]));
  const makeUpWorkingDays = new Set<LocalDate>(Object.keys(data.workdays));
  const coveredYears = [...new Set([...holidays.keys()].map(yearOf))].sort((a, b) => a - b);
  return {
    name,
    coveredYears,
    holidayOn: (date) => holidays.get(date),
    isMakeUpWorkingDay: (date) => makeUpWorkingDays.has(date),
    coversYear: (year) => coveredYears.includes(year),
  };
};

/**
 * Mainland China: days off and make-up working days of every State Council notice chinese-days
 * carries (2004 to its latest, currently 2026). Outside those years only weekends count.
 */
export const chinaHolidays: HolidayCalendar = calendarFromChineseDays(chineseDaysData, `China (mainland), chinese-days ${CHINESE_DAYS_VERSION}`);
