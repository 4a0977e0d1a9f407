import { addWorkingDays, dekadSpan, halfYearSpan, monthSpan, type DateSpan } from '@planledger/calendar';
import type { AsapDeadline, DekadDeadline, HalfYearDeadline, MonthDeadline, WindowDeadline } from '@planledger/plan-definition';
import type { ActiveWindows } from './active-windows';
import { issueDayFor, type DueDateContext } from './due-date-context';
import type { DueDate } from './due-dates';

export type CoarseDeadline = MonthDeadline | DekadDeadline | HalfYearDeadline | WindowDeadline | AsapDeadline;

const spanOf = (deadline: Exclude<CoarseDeadline, AsapDeadline>): DateSpan => {
  switch (deadline.kind) {
    case 'month':
      return monthSpan(deadline.month);
    case 'dekad':
      return dekadSpan(deadline.month, deadline.dekad);
    case 'half-year':
      return halfYearSpan(deadline.year, deadline.half);
    case 'window':
      return { start: deadline.from, end: deadline.to };
  }
};

/**
 * One obligation each. 本月 / 上旬 / 上半年: due on the period's last day, issued on its first
 * (earlier when the first reminder needs it). A window: issued when it opens, due when it
 * closes, whatever the reminders. 尽快: N working days after it is issued, which is when its
 * window (its phase, or the plan) opens.
 */
export const coarseDueDatesOf = (deadline: CoarseDeadline, windows: ActiveWindows, context: DueDateContext): DueDate[] => {
  if (deadline.kind === 'asap') {
    const issueOn = windows.hull.start;
    const dueOn = addWorkingDays(issueOn, deadline.workingDays ?? context.asapWorkingDays, context.holidays);
    return [{ periodKey: 'once', dueOn, issueOn, requiredCount: 1 }];
  }
  const span = spanOf(deadline);
  const reminderDays = deadline.kind === 'window' ? 0 : context.firstReminderDays;
  return [{ periodKey: 'once', dueOn: span.end, issueOn: issueDayFor(span.start, span.end, windows, reminderDays), requiredCount: 1 }];
};
