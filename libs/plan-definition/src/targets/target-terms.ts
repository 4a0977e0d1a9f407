import type { KeyPath } from '../plan-error';
import type { Target, TargetKind } from '../schema/plan-definition.schema';

/** A target read the one way the compiler and the checks both need: kind settled, milestones in order, the last being `by`. */
export interface TargetTerms {
  kind: TargetKind;
  comparison?: '>=' | '<=' | '=';
  unit: string;
  milestones: { period: string; value: number | boolean | string }[];
  baseline?: { period: string; value: number };
  levels?: string[];
  direction?: 'up' | 'down';
  minStep?: number;
}

export interface TargetProblem {
  path: KeyPath;
  message: string;
}

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/;

/** "2023" stays; 2023 becomes "2023"; "2022-2023" stays when the years follow each other. */
export function periodLabelOf(period: string | number): string | undefined {
  const text = String(period);
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  if (match[2] !== undefined && Number(match[2]) !== Number(match[1]) + 1) return undefined;
  return text;
}

/** The final period a target's `by` names: the calendar year of a date, or the school year. */
export const finalPeriodOf = (by: Target['by']): string =>
  typeof by === 'string' ? by.slice(0, 4) : `${by.schoolYear}-${by.schoolYear + 1}`;

const startYear = (label: string): number => Number(label.slice(0, 4));
const isSchoolYear = (label: string): boolean => label.includes('-');

/**
 * Settles a target's kind and milestones, and says what is missing or contradictory for its kind
 * (paths relative to the target). Entries written before issue 15 read as thresholds, or as
 * rising targets for `change-per-year` (the value is the step; negative means falling).
 */
export function targetTermsOf(target: Target): { terms: TargetTerms; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const problem = (path: KeyPath, message: string) => problems.push({ path, message });
  const legacyRising = target.comparison === 'change-per-year';
  const kind: TargetKind = target.kind ?? (legacyRising ? 'rising' : 'threshold');
  const final = finalPeriodOf(target.by);
  const unit = target.unit ?? '';
  if (unit === '' && kind !== 'pass-fail' && kind !== 'grade') problem(['unit'], `a ${kind} target needs its unit of measure (e.g. "%", "所", "起")`);
  if (target.comparison !== undefined && kind !== 'threshold' && !(legacyRising && kind === 'rising')) problem(['comparison'], `comparison is for threshold targets; a ${kind} target does not take one`);

  const defaultValue = kind === 'pass-fail' ? true : kind === 'held' ? 0 : undefined;
  const value = target.value ?? defaultValue;
  const checkValue = (v: unknown, path: KeyPath): boolean => {
    if (kind === 'pass-fail') return v === true || (problem(path, 'a pass-fail target is met by passing: write true (or leave the value out)'), false);
    if (kind === 'grade') {
      if (typeof v === 'string' && target.levels?.includes(v)) return true;
      problem(path, `a grade target names one of its levels (${(target.levels ?? []).join(', ') || 'declare levels: [...] lowest first'}), not ${JSON.stringify(v)}`);
      return false;
    }
    if (typeof v !== 'number') return problem(path, `a ${kind} target's value is a number, not ${JSON.stringify(v)}`), false;
    if (kind === 'ratio' && v <= 0) return problem(path, `a ratio is a positive multiple of the baseline (翻番 = 2), not ${v}`), false;
    return true;
  };
  // A rising target (逐年提高) is judged year on year by its step: it needs no final value.
  if (value === undefined) {
    if (kind !== 'rising') problem(['value'], `a ${kind} target needs its value`);
  } else checkValue(value, ['value']);

  const milestones: TargetTerms['milestones'] = [];
  for (const [key, milestoneValue] of Object.entries(target.milestones ?? {})) {
    const label = periodLabelOf(key);
    if (label === undefined) {
      problem(['milestones', key], `"${key}" is not a period: write a year ("2023") or a school year ("2022-2023")`);
      continue;
    }
    if (isSchoolYear(label) !== isSchoolYear(final)) problem(['milestones', key], `"${label}" and the target's end ${final} must both be ${isSchoolYear(final) ? 'school years ("2022-2023")' : 'calendar years ("2023")'}`);
    else if (startYear(label) >= startYear(final)) problem(['milestones', key], `milestone ${label} is not before the target's end ${final}: the value at the end is the target's value`);
    else if (checkValue(milestoneValue, ['milestones', key])) milestones.push({ period: label, value: milestoneValue });
  }
  milestones.sort((a, b) => startYear(a.period) - startYear(b.period));
  milestones.push({ period: final, value: kind === 'rising' ? (value ?? 0) : (value ?? 0) });

  let baseline: TargetTerms['baseline'];
  if (target.baseline) {
    const label = periodLabelOf(target.baseline.period);
    if (label === undefined) problem(['baseline', 'period'], `"${target.baseline.period}" is not a period: write a year (2020) or a school year ("2020-2021")`);
    else if (startYear(label) >= startYear(milestones[0].period)) problem(['baseline', 'period'], `the baseline ${label} must come before the first milestone ${milestones[0].period}`);
    else baseline = { period: label, value: target.baseline.value };
  }
  if (kind === 'ratio' && target.baseline === undefined) problem([], 'a ratio target (翻番) needs a baseline: { period: 2020, value: 12 }');
  if (kind === 'grade' && target.levels === undefined) problem([], 'a grade target needs its levels, lowest first: levels: [合格, 良好, 优秀]');

  const terms: TargetTerms = { kind, unit, milestones };
  if (kind === 'threshold') terms.comparison = (target.comparison as '>=' | '<=' | '=' | undefined) ?? '>=';
  if (baseline) terms.baseline = baseline;
  if (target.levels) terms.levels = [...target.levels];
  if (kind === 'rising') {
    const step = legacyRising ? Number(target.value ?? 0) : target.step;
    terms.direction = target.direction ?? (legacyRising && (step ?? 0) < 0 ? 'down' : 'up');
    if (step !== undefined && step !== 0) terms.minStep = Math.abs(step);
  }
  return { terms, problems };
}
