/**
 * A target's status explained in Chinese from the structured series (status, values, milestones),
 * not from the English `reason` the engine records (ADR 0023's rule, ADR 0025 amended): the page
 * reads it to Chinese users; the en locale keeps the recorded reason.
 */
export interface TargetSeriesFacts {
  kind: 'threshold' | 'pass-fail' | 'grade' | 'ratio' | 'cumulative' | 'rising' | 'held';
  unit: string;
  comparison?: '>=' | '<=' | '=';
  levels?: string[];
  baseline?: { period: string; value: number };
  milestones: { period: string; value: number | boolean | string }[];
  measurements: { period: string; value: number | boolean | string }[];
  status: 'on-track' | 'at-risk' | 'met' | 'missed' | null;
  direction?: 'up' | 'down';
  /** The engine's reason: read only to tell a period judged for want of a value (ADR 0026) from one judged by its values. */
  reason?: string | null;
}

/** The engine's words for a period that ended without a value (ADR 0026), at risk or missed (by its end, or by the plan's close). */
const UNREPORTED = /^no value was reported for (\d{4}(?:-\d{4})?)( by its end| by the plan's close)?$/;

type Value = number | boolean | string;

const periodName = (period: string): string => (/^\d{4}-\d{4}$/.test(period) ? `${period}学年` : `${period}年度`);
const startYear = (period: string): number => Number(period.slice(0, 4));
const withUnit = (value: number, unit: string): string => `${Math.round(value * 100) / 100}${unit === '%' ? '%' : unit}`;

function valueText(s: TargetSeriesFacts, value: Value, total: number): string {
  if (typeof value === 'boolean') return value ? '通过' : '未通过';
  if (typeof value === 'string') return value;
  return s.kind === 'cumulative' ? `累计${withUnit(total, s.unit)}` : withUnit(value, s.unit);
}

function milestoneText(s: TargetSeriesFacts, m: { period: string; value: Value }): string {
  const v = m.value;
  if (s.kind === 'pass-fail') return '通过';
  if (s.kind === 'grade') return `达到${String(v)}`;
  if (typeof v !== 'number') return String(v);
  if (s.kind === 'ratio') return s.baseline ? `达到${s.baseline.period}年的${v}倍（${withUnit(v * s.baseline.value, s.unit)}）` : `达到基数的${v}倍`;
  if (s.kind === 'cumulative') return `累计达到${withUnit(v, s.unit)}`;
  if (s.kind === 'held') return `不超过${withUnit(v, s.unit)}`;
  return `${s.comparison === '<=' ? '不高于' : s.comparison === '=' ? '等于' : '不低于'}${withUnit(v, s.unit)}`;
}

function meets(s: TargetSeriesFacts, value: Value, total: number, m: { value: Value }): boolean {
  if (s.kind === 'pass-fail') return value === true;
  if (s.kind === 'grade') return (s.levels ?? []).indexOf(String(value)) >= (s.levels ?? []).indexOf(String(m.value));
  const target = typeof m.value === 'number' ? m.value : Number.NaN;
  if (typeof value !== 'number') return false;
  if (s.kind === 'ratio') return s.baseline ? value >= target * s.baseline.value : false;
  if (s.kind === 'cumulative') return total >= target;
  if (s.kind === 'held') return value <= target;
  return s.comparison === '<=' ? value <= target : s.comparison === '=' ? value === target : value >= target;
}

/** The Chinese explanation of the series' status; empty before the first status. */
export function targetReasonZh(s: TargetSeriesFacts): string {
  if (s.status === null) return '';
  const unreportedFor = UNREPORTED.exec(s.reason ?? '');
  // A value for that period recorded since (the status unchanged, so the reason too) makes the words stale: judge by the values.
  if (unreportedFor && !s.measurements.some((m) => startYear(m.period) === startYear(unreportedFor[1]!))) {
    const [, period, by] = unreportedFor;
    if (s.status === 'at-risk') return `${periodName(period!)}未报送数值，存在风险`;
    if (s.status === 'missed') return by === ' by its end' ? `${periodName(period!)}结束时仍未报送数值，判定为未达成` : `${periodName(period!)}未报送数值，计划结束时判定为未达成`;
  }
  const final = s.milestones[s.milestones.length - 1]!;
  const totals: number[] = [];
  s.measurements.reduce((sum, m, i) => (totals[i] = sum + (typeof m.value === 'number' ? m.value : 0)), 0);
  const last = s.measurements.length - 1;
  const latest = s.measurements[last];
  const said = (i: number) => `${periodName(s.measurements[i]!.period)}${valueText(s, s.measurements[i]!.value, totals[i]!)}`;
  const finalReported = s.measurements.some((m) => startYear(m.period) >= startYear(final.period));
  const unreported = `${periodName(final.period)}未报送数值，计划结束时判定为未达成`;
  // Held and rising are at risk only for want of a value (ADR 0026), as is any series at risk before its first value.
  const atRiskUnreported = '有年度未按期报送数值，存在风险';
  const better = s.direction === 'down' ? '下降' : '上升';
  const allowedIn = (period: string) => s.milestones.find((m) => startYear(m.period) >= startYear(period)) ?? final;

  if (s.kind === 'held') {
    const breach = s.measurements.findIndex((m) => typeof m.value === 'number' && !meets(s, m.value, 0, allowedIn(m.period)));
    if (breach >= 0) return `${said(breach)}，超过允许的${withUnit(Number(allowedIn(s.measurements[breach]!.period).value), s.unit)}，判定为未达成`;
    if (s.status === 'missed') return unreported;
    if (s.status === 'at-risk') return atRiskUnreported;
    return latest ? `截至${periodName(latest.period)}均未超过允许值${s.status === 'met' ? '，目标达成' : ''}` : '';
  }
  if (s.kind === 'rising') {
    const values = [...(s.baseline ? [{ period: s.baseline.period, value: s.baseline.value as Value }] : []), ...s.measurements];
    for (let i = 1; i < values.length; i++) {
      const [a, b] = [values[i - 1]!.value as number, values[i]!.value as number];
      if (s.direction === 'down' ? !(b < a) : !(b > a)) return `${periodName(values[i]!.period)}${withUnit(b, s.unit)}，未比上一年度（${withUnit(a, s.unit)}）${better}，判定为未达成`;
    }
    if (s.status === 'missed') return unreported;
    if (s.status === 'at-risk') return atRiskUnreported;
    return latest ? `逐年${better}至${periodName(latest.period)}（${withUnit(Number(latest.value), s.unit)}）${s.status === 'met' ? '，目标达成' : ''}` : '';
  }
  if (!latest && s.status === 'at-risk') return atRiskUnreported;
  if (!latest || (s.status === 'missed' && !finalReported)) return unreported;
  if (s.status === 'met' || s.status === 'missed') {
    return `${said(last)}，${s.status === 'met' ? '达到' : '未达到'}${periodName(final.period)}目标（${milestoneText(s, final)}）`;
  }
  const own = s.milestones.find((m) => startYear(m.period) === startYear(latest.period));
  if (own && !meets(s, latest.value, totals[last]!, own)) return `${said(last)}，低于该年度节点目标（${milestoneText(s, own)}），存在风险`;
  const next = s.milestones.find((m) => startYear(m.period) > startYear(latest.period)) ?? final;
  return s.status === 'on-track'
    ? `${said(last)}，按目前进度可达到${periodName(next.period)}节点目标（${milestoneText(s, next)}）`
    : `${said(last)}，按目前进度难以达到${periodName(next.period)}节点目标（${milestoneText(s, next)}），存在风险`;
}
