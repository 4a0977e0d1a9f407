import { isWithin } from '../shared/local-date';
import type { CheckInput, ErrorCollector } from './check-context';
import { describeWindow, planSpan, spanIsReversed } from './phase-windows';
import { workEntries } from './plan-entries';

const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** A month, dekad, half-year or window the plan never reaches is a mistake, like a fixed date outside it. */
export function checkCoarseDeadlines({ definition: d }: CheckInput, errors: ErrorCollector): void {
  if (spanIsReversed(d)) return;
  const span = planSpan(d);
  const spanText = describeWindow(span);
  for (const { entry, path, deadline } of workEntries(d)) {
    const at = [...path, 'deadline'];
    const report = (key: string, what: string, date: string) => {
      if (!isWithin(date, span)) errors.inPlan([...at, key], 'deadline-outside-span', `"${entry.id}" is due ${what} (${date}), outside the plan span ${spanText}`);
    };
    switch (deadline.kind) {
      case 'month':
      case 'dekad': {
        const [year, month] = deadline.month.split('-').map(Number);
        const end = deadline.kind === 'month' || deadline.dekad === 'late' ? lastDayOf(year, month) : `${deadline.month}-${deadline.dekad === 'early' ? '10' : '20'}`;
        report('month', deadline.kind === 'month' ? `by the end of ${deadline.month}` : `by the end of the ${deadline.dekad} dekad of ${deadline.month}`, end);
        break;
      }
      case 'half-year':
        report('year', `by the end of the ${deadline.half} half of ${deadline.year}`, `${deadline.year}-${deadline.half === 'first' ? '06-30' : '12-31'}`);
        break;
      case 'window':
        report('to', 'when its window closes', deadline.to);
        break;
      default:
        break;
    }
  }
}
