import {
  addDays,
  enumeratePeriods,
  everyNYears,
  maxLocalDate,
  yearlyOnMonthDay,
  type LocalDate,
  type SchoolCalendarOptions,
} from '@planledger/calendar';
import type { ActiveWindows } from './active-windows';
import type { DefinitionDeadline } from './definition';
import type { PhaseWindows } from './phase-windows';
import { coarseDueDatesOf } from './coarse-due-dates';
import type { DueDateContext } from './due-date-context';
import { recurringDueDatesOf } from './recurring-due-dates';
import { perTermDueDatesOf, termDueDatesOf } from './term-due-dates';

/**
 * One due date of a duty, shared by every department it fans out to. `issueOn` is set for
 * recurring deadlines (the period's first active day); single deadlines are issued when
 * their phase opens, which the compiler decides once the due date is final.
 */
export interface DueDate {
  periodKey: string;
  dueOn: LocalDate;
  issueOn?: LocalDate;
  requiredCount: number;
  /** A standing duty (常态化): no due date; `dueOn` is the last day it runs. */
  standing?: true;
}

export const dueDatesOf = (
  deadline: DefinitionDeadline,
  windows: ActiveWindows,
  phases: PhaseWindows,
  school: SchoolCalendarOptions,
  context: DueDateContext,
  /** The single due date (before the holiday rule) of another duty, for `before` chains. */
  dueOfStep: (stepId: string) => LocalDate | undefined = () => undefined,
): DueDate[] => {
  switch (deadline.kind) {
    case 'fixed':
      return [{ periodKey: 'once', dueOn: deadline.date, requiredCount: 1 }];

    case 'yearly':
      // The period of a yearly deadline is its calendar year: the key, and the earliest issue day.
      return yearlyOnMonthDay(deadline.month, deadline.day, windows.hull)
        .filter((due) => windows.contains(due))
        .map((due) => ({
          periodKey: due.slice(0, 4),
          dueOn: due,
          issueOn: maxLocalDate(`${due.slice(0, 4)}-01-01`, windows.windowStartOf(due)),
          requiredCount: 1,
        }));

    case 'count':
      return enumeratePeriods(deadline.per, windows.hull, school).flatMap((period) => {
        const active = windows.clip(period);
        return active ? [{ periodKey: period.key, dueOn: active.end, issueOn: active.start, requiredCount: deadline.atLeast }] : [];
      });

    case 'cycle':
      return everyNYears(deadline.firstDue, deadline.everyYears, windows.hull)
        .filter((due) => windows.contains(due))
        .map((due) => ({ periodKey: due.slice(0, 4), dueOn: due, requiredCount: 1 }));

    case 'standing': {
      // One standing obligation over the whole window, then one self-report per period if asked.
      const standing: DueDate = { periodKey: 'standing', dueOn: windows.hull.end, issueOn: windows.hull.start, requiredCount: 1, standing: true };
      const every = deadline.selfReport?.every;
      if (every === undefined) return [standing];
      const reports = enumeratePeriods(every, windows.hull, school).flatMap((period) => {
        const active = windows.clip(period);
        return active ? [{ periodKey: `report-${period.key}`, dueOn: active.end, issueOn: active.start, requiredCount: 1 }] : [];
      });
      return [standing, ...reports];
    }

    case 'phase': {
      const phase = phases.byId.get(deadline.phase);
      if (phase === undefined) return [];
      const anchor = deadline.anchor === 'start' ? phase.span.start : phase.span.end;
      return [{ periodKey: 'once', dueOn: addDays(anchor, deadline.offsetDays), requiredCount: 1 }];
    }

    case 'month':
    case 'dekad':
    case 'half-year':
    case 'window':
    case 'asap':
      return coarseDueDatesOf(deadline, windows, context);

    case 'term':
      return termDueDatesOf(deadline, windows, context);
    case 'per-term':
      return perTermDueDatesOf(deadline, windows, context);

    case 'daily':
    case 'weekly':
    case 'monthly':
    case 'nth-weekday':
    case 'lunar':
    case 'solar-term':
      return recurringDueDatesOf(deadline, windows, context);

    case 'before': {
      // 倒排工期: backwards from the step it precedes (the compiler reports a missing or cyclic step).
      const next = dueOfStep(deadline.step);
      return next === undefined ? [] : [{ periodKey: 'once', dueOn: addDays(next, -deadline.days), requiredCount: 1 }];
    }

    case 'after-accepted':
    case 'event':
      // Dated only when a planner records the event: the compiler emits event obligations instead.
      return [];
  }
};
