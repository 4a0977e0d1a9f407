import { isoWeekday, type LocalDate } from '@planledger/calendar';

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 星期一 … 星期日 of a date. */
export const weekdayOf = (date: LocalDate): string => WEEKDAYS[isoWeekday(date) - 1];

/** 1..31 as written in a document's date: 五, 十, 十二, 二十, 二十一, 三十一. */
function numberInWords(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * A document's date as GB/T 9704 writes it (成文日期): the year digit by digit, month and day in
 * words — 2024-05-20 → 二〇二四年五月二十日.
 */
export function documentDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${[...year].map((d) => DIGITS[Number(d)]).join('')}年${numberInWords(Number(month))}月${numberInWords(Number(day))}日`;
}

/** 2024-05-20 → 2024年5月20日(星期一): dates in body text and tables. */
export const dateWithWeekday = (date: LocalDate): string =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日(${weekdayOf(date)})`;

/** A rate as a percentage with one decimal (87.5%), or — when there is none. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

const ymd = (date: LocalDate) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

/**
 * A window's name in a title: a whole calendar month is 2024年5月; else 2024年5月13日至19日,
 * 2024年4月29日至5月5日, 2023年12月25日至2024年1月7日.
 */
export function windowName(from: LocalDate, to: LocalDate): string {
  const [fy, fm, fd] = ymd(from);
  const [ty, tm, td] = ymd(to);
  const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fy === ty && fm === tm && fd === 1 && td === lastOfMonth) return `${fy}年${fm}月`;
  const end = fy !== ty ? `${ty}年${tm}月${td}日` : fm !== tm ? `${tm}月${td}日` : `${td}日`;
  return `${fy}年${fm}月${fd}日至${end}`;
}
