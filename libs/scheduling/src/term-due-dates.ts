import { addDays, addWorkingDays, termKey, termLength } from '@planledger/calendar';
import type { PerTermDeadline, TermDeadline } from '@planledger/plan-definition';
import type { ActiveWindows } from './active-windows';
import { issueDayFor, type DueDateContext } from './due-date-context';
import type { DueDate } from './due-dates';

/**
 * 学期初 / 期中 / 期末 with an offset: one obligation per term of the 校历 whose due date lies in
 * the duty's windows; its period is the term (key `2023-t1`), issued when the term starts, or
 * earlier for the first reminder or for a due date before the term starts ("开学前一周").
 */
export const termDueDatesOf = (deadline: TermDeadline, windows: ActiveWindows, context: DueDateContext): DueDate[] => {
  const wanted = new Set(deadline.terms ?? [1, 2]);
  return context.terms
    .termsOverlapping({ start: addDays(windows.hull.start, -180), end: addDays(windows.hull.end, 180) })
    .filter((term) => wanted.has(term.term))
    .flatMap((term) => {
      const anchor = deadline.anchor === 'start' ? term.start : deadline.anchor === 'mid' ? term.mid : term.end;
      const dueOn =
        deadline.offsetWorkingDays !== undefined
          ? addWorkingDays(anchor, deadline.offsetWorkingDays, context.holidays)
          : addDays(anchor, deadline.offsetDays ?? 0);
      if (!windows.contains(dueOn)) return [];
      const issueOn = issueDayFor(term.start, dueOn, windows, context.firstReminderDays);
      return [{ periodKey: termKey(term), dueOn, issueOn, requiredCount: 1 }];
    });
};

/**
 * 每学期至少N次: one obligation per term, due on the term's last active day. The holidays between
 * terms are no period. A term only partly inside the duty's windows (the plan or phase starts or
 * ends in it) owes round(N × active days / term days) with partial: scale, none when that rounds
 * to 0; with partial: skip it owes nothing.
 */
export const perTermDueDatesOf = (deadline: PerTermDeadline, windows: ActiveWindows, context: DueDateContext): DueDate[] =>
  context.terms.termsOverlapping(windows.hull).flatMap((term) => {
    const active = windows.clip(term);
    if (active === undefined) return [];
    const activeDays = windows.spans.reduce((days, span) => {
      const start = span.start > term.start ? span.start : term.start;
      const end = span.end < term.end ? span.end : term.end;
      return start <= end ? days + termLength({ start, end }) : days;
    }, 0);
    const whole = activeDays === termLength(term);
    const required = whole ? deadline.atLeast : deadline.partial === 'skip' ? 0 : Math.round((deadline.atLeast * activeDays) / termLength(term));
    if (required === 0) return [];
    return [{ periodKey: termKey(term), dueOn: active.end, issueOn: active.start, requiredCount: required }];
  });
