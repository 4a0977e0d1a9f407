import type { Actor } from '../shared/actor';
import type { Instant } from '../shared/time';
import type { PlanEvent } from '../plan/plan.events';
import type { PlanState } from '../plan/plan.state';
import { periodStartYear, targetSeriesKey } from './scheduled-target';

/**
 * A plan's close ends every target's final period: a series (a target, per unit or plan-wide) that
 * has no value for its final period by then and is not met or missed already is missed, with the
 * reason that no value was reported (ADR 0023, amended). Met and missed are final, so they stay.
 */
export function unreportedTargetsMissed(state: PlanState, at: Instant, actor: Actor): PlanEvent[] {
  const { planId } = state;
  return (state.schedule?.targets ?? []).flatMap((target) => {
    const final = target.milestones[target.milestones.length - 1].period;
    const finalYear = periodStartYear(final);
    const units: (string | null)[] = target.unitIds.length > 0 ? target.unitIds : [null];
    return units.flatMap((unitId): PlanEvent[] => {
      const series = state.targets?.[targetSeriesKey(target.targetId, unitId)];
      if (series?.status === 'met' || series?.status === 'missed') return [];
      if (series?.measurements.some((m) => periodStartYear(m.period) === finalYear)) return [];
      const reason = `no value was reported for ${final} by the plan's close`;
      return [{
        type: 'TargetStatusChanged', schemaVersion: 1, at, actor,
        data: { planId, targetId: target.targetId, unitId, period: final, status: 'missed', ...(series?.status ? { previousStatus: series.status } : {}), reason, at },
      }];
    });
  });
}
