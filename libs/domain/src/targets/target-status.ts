import { periodStartYear, type MeasuredValue, type ScheduledTarget, type TargetMilestone, type TargetStatus } from './scheduled-target';

/** One period's value; a later measurement of the same period replaces the earlier (a correction). */
export interface Measurement {
  period: string;
  value: MeasuredValue;
}

export interface TargetAssessment {
  status: TargetStatus;
  reason: string;
}

/**
 * The status rule (docs/plan-language/targets.md, ADR 0023), judged at the latest period measured:
 * 1. held (zero incidents): any period above what is allowed → missed for good; else met once the
 *    final period is measured, on track before.
 * 2. rising (year on year): any period that does not move the right way (by at least `minStep` a
 *    year) from the one before (or the baseline) → missed for good; else met at the final period.
 * 3. every other kind: at or after the final period, met if its value meets the target, else missed;
 *    below a milestone of the period measured → at risk; otherwise the trend decides: the change
 *    per year since the previous value (or the baseline) carried on to the next milestone must
 *    meet it (on track) or it falls short (at risk). Pass/fail, grade and "=" have no trend: the
 *    latest value must already meet the next milestone.
 * Undefined when nothing has been measured.
 */
export function assessTarget(target: ScheduledTarget, measurements: readonly Measurement[]): TargetAssessment | undefined {
  const series = latestPerPeriod(measurements);
  if (series.length === 0) return undefined;
  const final = target.milestones[target.milestones.length - 1];
  const finalYear = yearOf(final.period);
  const latest = series[series.length - 1];
  const reachedFinal = yearOf(latest.period) >= finalYear;

  if (target.kind === 'held') {
    const breach = series.find((m) => (m.value as number) > allowedIn(target, m.period));
    if (breach) return { status: 'missed', reason: `${breach.period}: ${breach.value} ${target.unit}, more than the ${allowedIn(target, breach.period)} allowed` };
    return reachedFinal ? { status: 'met', reason: `held through ${latest.period}` } : { status: 'on-track', reason: `held through ${latest.period}` };
  }
  if (target.kind === 'rising') {
    const broken = firstBrokenStep(target, series);
    if (broken) return { status: 'missed', reason: broken };
    const words = target.direction === 'down' ? 'fell' : 'rose';
    if (series.length === 1 && !target.baseline) return { status: reachedFinal ? 'met' : 'on-track', reason: `${latest.period}: ${latest.value} ${target.unit}, the first value: each year after must be ${target.direction === 'down' ? 'lower' : 'higher'}` };
    return reachedFinal ? { status: 'met', reason: `${words} every year to ${latest.period}` } : { status: 'on-track', reason: `${words} every year to ${latest.period} (${latest.value} ${target.unit})` };
  }

  const quantity = quantityThrough(target, series);
  const now = quantity(series.length - 1);
  if (reachedFinal) {
    const meets = meetsMilestone(target, latest.value, now, final);
    return { status: meets ? 'met' : 'missed', reason: `${latest.period}: ${describe(target, latest.value, now)} ${meets ? 'meets' : 'falls short of'} ${describeMilestone(target, final)}` };
  }
  const own = target.milestones.find((m) => m.period === latest.period || yearOf(m.period) === yearOf(latest.period));
  if (own && !meetsMilestone(target, latest.value, now, own)) {
    return { status: 'at-risk', reason: `${latest.period}: ${describe(target, latest.value, now)} is below the milestone ${describeMilestone(target, own)}` };
  }
  const next = target.milestones.find((m) => yearOf(m.period) > yearOf(latest.period)) ?? final;
  if (!hasTrend(target)) {
    const meets = meetsMilestone(target, latest.value, now, next);
    return { status: meets ? 'on-track' : 'at-risk', reason: `${latest.period}: ${describe(target, latest.value, now)} ${meets ? 'already meets' : 'does not yet meet'} ${describeMilestone(target, next)} due ${next.period}` };
  }
  const projected = project(target, series, quantity, yearOf(next.period));
  const meets = meetsMilestone(target, projected, projected, next);
  const rounded = Math.round(projected * 100) / 100;
  return {
    status: meets ? 'on-track' : 'at-risk',
    reason: `the trend reaches ${rounded} ${target.unit} by ${next.period}, ${meets ? 'meeting' : 'short of'} ${describeMilestone(target, next)}`,
  };
}

/** One value per period (the last given), in period order. */
export function latestPerPeriod(measurements: readonly Measurement[]): Measurement[] {
  const byPeriod = new Map<string, Measurement>();
  for (const m of measurements) byPeriod.set(m.period, m);
  return [...byPeriod.values()].sort((a, b) => yearOf(a.period) - yearOf(b.period));
}

const yearOf = (period: string): number => periodStartYear(period) ?? Number.NaN;

/** held: the period's own milestone if it has one, else the target's value. */
const allowedIn = (target: ScheduledTarget, period: string): number =>
  Number((target.milestones.find((m) => m.period === period) ?? target.milestones[target.milestones.length - 1]).value);

function firstBrokenStep(target: ScheduledTarget, series: readonly Measurement[]): string | undefined {
  const sign = target.direction === 'down' ? -1 : 1;
  const points = target.baseline ? [{ period: target.baseline.period, value: target.baseline.value }, ...series.filter((m) => m.period !== target.baseline?.period)] : series;
  for (let i = 1; i < points.length; i++) {
    const [before, after] = [points[i - 1], points[i]];
    const years = Math.max(1, yearOf(after.period) - yearOf(before.period));
    const change = sign * ((after.value as number) - (before.value as number));
    const least = (target.minStep ?? 0) * years;
    if (change <= 0 || change < least) {
      return `${after.period}: ${after.value} ${target.unit} after ${before.value} in ${before.period}, not ${target.direction === 'down' ? 'lower' : 'higher'}${least > 0 ? ` by at least ${least}` : ''}`;
    }
  }
  return undefined;
}

/** What a milestone is compared with at index i: the running total for cumulative targets, else the value. */
function quantityThrough(target: ScheduledTarget, series: readonly Measurement[]): (index: number) => number {
  if (target.kind !== 'cumulative') return (index) => (typeof series[index].value === 'number' ? (series[index].value as number) : Number.NaN);
  const totals: number[] = [];
  series.forEach((m, i) => totals.push((totals[i - 1] ?? 0) + (m.value as number)));
  return (index) => totals[index];
}

function meetsMilestone(target: ScheduledTarget, value: MeasuredValue, quantity: number, milestone: TargetMilestone): boolean {
  switch (target.kind) {
    case 'pass-fail':
      return value === true || value === milestone.value;
    case 'grade': {
      const levels = target.levels ?? [];
      return levels.indexOf(String(value)) >= levels.indexOf(String(milestone.value));
    }
    case 'ratio':
      return quantity >= (target.baseline?.value ?? 0) * Number(milestone.value);
    case 'cumulative':
      return quantity >= Number(milestone.value);
    default: {
      const wanted = Number(milestone.value);
      if (target.comparison === '<=') return quantity <= wanted;
      if (target.comparison === '=') return quantity === wanted;
      return quantity >= wanted;
    }
  }
}

const hasTrend = (target: ScheduledTarget): boolean => target.kind === 'ratio' || target.kind === 'cumulative' || (target.kind === 'threshold' && target.comparison !== '=');

/**
 * Carries the change per year on to `year`: from the previous value (or the baseline) to the
 * latest. A cumulative total adds the latest period's amount each year to come; a single value
 * with nothing before it has no trend and stays where it is.
 */
function project(target: ScheduledTarget, series: readonly Measurement[], quantity: (index: number) => number, year: number): number {
  const last = series.length - 1;
  const lastYear = yearOf(series[last].period);
  if (target.kind === 'cumulative') return quantity(last) + (series[last].value as number) * (year - lastYear);
  const before = last > 0 ? { year: yearOf(series[last - 1].period), value: quantity(last - 1) } : target.baseline ? { year: yearOf(target.baseline.period), value: target.baseline.value } : undefined;
  if (!before || before.year >= lastYear) return quantity(last);
  const perYear = (quantity(last) - before.value) / (lastYear - before.year);
  return quantity(last) + perYear * (year - lastYear);
}

function describe(target: ScheduledTarget, value: MeasuredValue, quantity: number): string {
  if (target.kind === 'cumulative') return `${quantity} ${target.unit} in all`;
  if (typeof value === 'boolean') return value ? 'passed' : 'not passed';
  return typeof value === 'number' ? `${value} ${target.unit}` : value;
}

function describeMilestone(target: ScheduledTarget, milestone: TargetMilestone): string {
  switch (target.kind) {
    case 'pass-fail':
      return `pass (${milestone.period})`;
    case 'grade':
      return `${milestone.value} or better (${milestone.period})`;
    case 'ratio':
      return `${milestone.value}× the ${target.baseline?.period} base of ${target.baseline?.value} = ${(target.baseline?.value ?? 0) * Number(milestone.value)} ${target.unit} (${milestone.period})`;
    case 'cumulative':
      return `${milestone.value} ${target.unit} in all (${milestone.period})`;
    default:
      return `${target.comparison ?? '>='} ${milestone.value} ${target.unit} (${milestone.period})`;
  }
}
