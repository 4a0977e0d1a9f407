import { RRule, RRuleSet, datetime, type Options } from 'rrule';
import { localDate, parseLocalDate, type DateSpan, type LocalDate } from './local-date';

/*
 * rrule works in "floating" time: a Date whose UTC fields are the local date. Keeping that
 * convention here, and only here, lets recurrence ignore zones entirely; instants are made
 * later from the resulting local dates.
 */

export const toFloating = (date: LocalDate): Date => {
  const parsed = parseLocalDate(date);
  return datetime(parsed.year, parsed.month, parsed.day);
};

export const fromFloating = (date: Date): LocalDate =>
  localDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

export type RuleOptions = Partial<Options>;

export const makeRule = (options: RuleOptions, dtstart: LocalDate): RRule =>
  new RRule({ ...options, dtstart: toFloating(dtstart) });

export const makeRuleSet = (rules: RRule[]): RRuleSet => {
  const set = new RRuleSet();
  for (const rule of rules) set.rrule(rule);
  return set;
};

/** Occurrences inside an inclusive span. */
export const occurrencesWithin = (rule: RRule | RRuleSet, span: DateSpan): LocalDate[] =>
  rule.between(toFloating(span.start), toFloating(span.end), true).map(fromFloating);

export const occurrenceAfter = (rule: RRule | RRuleSet, date: LocalDate): LocalDate | undefined => {
  const next = rule.after(toFloating(date), false);
  return next ? fromFloating(next) : undefined;
};
