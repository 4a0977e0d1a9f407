import { addDays, type DateSpan, type LocalDate } from '@planledger/calendar';

/**
 * The days on which a duty runs: the plan span, or the union of the phases it is limited to.
 * Overlapping and adjacent phases are merged so that a period crossing from one theme year
 * into the next is still one period, with one obligation.
 */
export class ActiveWindows {
  readonly spans: DateSpan[];
  readonly hull: DateSpan;

  constructor(spans: DateSpan[]) {
    this.spans = mergeSpans(spans);
    this.hull = { start: this.spans[0].start, end: this.spans[this.spans.length - 1].end };
  }

  contains(date: LocalDate): boolean {
    return this.spans.some((s) => s.start <= date && date <= s.end);
  }

  /** The part of a period the duty runs in, from its first active day to its last; undefined if none. */
  clip(period: DateSpan): DateSpan | undefined {
    let start: LocalDate | undefined;
    let end: LocalDate | undefined;
    for (const span of this.spans) {
      if (span.end < period.start || span.start > period.end) continue;
      start ??= span.start > period.start ? span.start : period.start;
      end = span.end < period.end ? span.end : period.end;
    }
    return start === undefined || end === undefined ? undefined : { start, end };
  }

  /** The start of the window holding a date (callers only ask about dates inside a window). */
  windowStartOf(date: LocalDate): LocalDate {
    const holding = this.spans.find((s) => s.start <= date && date <= s.end);
    return holding ? holding.start : this.hull.start;
  }
}

const mergeSpans = (spans: DateSpan[]): DateSpan[] => {
  if (spans.length === 0) throw new Error('a duty needs at least one active window');
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: DateSpan[] = [{ ...sorted[0] }];
  for (const span of sorted.slice(1)) {
    const last = merged[merged.length - 1];
    if (span.start <= addDays(last.end, 1)) {
      if (span.end > last.end) last.end = span.end;
    } else merged.push({ ...span });
  }
  return merged;
};
