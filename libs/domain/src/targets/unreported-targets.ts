import type { Actor } from '../shared/actor';
import type { Instant } from '../shared/time';
import type { PlanEvent } from '../plan/plan.events';
import type { PlanState } from '../plan/plan.state';
import { periodStartYear, targetSeriesKey, type ScheduledTarget } from './scheduled-target';

/** Why a period is being judged: it has ended (a timer, ADR 0026), or the plan closed before the final one did. */
export type JudgedBy = 'period-end' | 'plan-close';

/**
 * A target's reporting period is over (ADR 0026): each series (a unit, or plan-wide) with no value
 * for it that is not met or missed already is missed when it is the final period, and at risk
 * before (recorded only when the status changes: a series at risk stays so without a new event).
 * Met and missed are final, so they stay; a value recorded later re-judges by the status rule.
 */
export function unreportedPeriodJudged(state: PlanState, target: ScheduledTarget, period: string, judgedBy: JudgedBy, at: Instant, actor: Actor): PlanEvent[] {
  const { planId } = state;
  const final = target.milestones[target.milestones.length - 1].period;
  const year = periodStartYear(period);
  const isFinal = year === periodStartYear(final);
  const status = isFinal ? 'missed' : 'at-risk';
  const reason = !isFinal ? `no value was reported for ${period}` : judgedBy === 'plan-close' ? `no value was reported for ${period} by the plan's close` : `no value was reported for ${period} by its end`;
  const units: (string | null)[] = target.unitIds.length > 0 ? target.unitIds : [null];
  return units.flatMap((unitId): PlanEvent[] => {
    const series = state.targets?.[targetSeriesKey(target.targetId, unitId)];
    if (series?.status === 'met' || series?.status === 'missed' || series?.status === status) return [];
    if (series?.measurements.some((m) => periodStartYear(m.period) === year)) return [];
    return [{
      type: 'TargetStatusChanged', schemaVersion: 1, at, actor,
      data: { planId, targetId: target.targetId, unitId, period, status, ...(series?.status ? { previousStatus: series.status } : {}), reason, at },
    }];
  });
}

/**
 * A plan's close ends every target's final period (ADR 0023, amended): a series with no value for
 * it by then is missed, even when the period itself ends later (a plan closed early, or a
 * schedule compiled before ADR 0026 that has no period-end timers).
 */
export function unreportedTargetsMissed(state: PlanState, at: Instant, actor: Actor): PlanEvent[] {
  return (state.schedule?.targets ?? []).flatMap((target) => unreportedPeriodJudged(state, target, target.milestones[target.milestones.length - 1].period, 'plan-close', at, actor));
}
