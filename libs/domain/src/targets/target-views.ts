import type { PlanState } from '../plan/plan.state';
import { targetSeriesKey, type MeasuredValue, type ScheduledTarget, type TargetMilestone, type TargetStatus } from './scheduled-target';
import { latestPerPeriod } from './target-status';

/** One target for one unit (or plan-wide) as pages, bulletins and the API show it: values against milestones. */
export interface TargetSeriesView {
  targetId: string;
  metric: string;
  kind: ScheduledTarget['kind'];
  unit: string;
  comparison?: ScheduledTarget['comparison'];
  levels?: string[];
  baseline?: { period: string; value: number };
  unitId: string | null;
  /** rising: which way is better (a page explains the status from it). */
  direction?: 'up' | 'down';
  milestones: TargetMilestone[];
  /** The value in force per period (a correction replaces the earlier), in period order. */
  measurements: { period: string; value: MeasuredValue; measuredAt: string; assignmentId?: string }[];
  /** null until the first value. */
  status: TargetStatus | null;
  reason: string | null;
}

/** Every target of the schedule in force, once per unit it applies to (or once plan-wide), measured or not. */
export function targetViewsOf(state: Pick<PlanState, 'schedule' | 'targets'>): TargetSeriesView[] {
  return (state.schedule?.targets ?? []).flatMap((target) => {
    const units: (string | null)[] = target.unitIds.length === 0 ? [null] : target.unitIds;
    return units.map((unitId): TargetSeriesView => {
      const series = state.targets?.[targetSeriesKey(target.targetId, unitId)];
      const view: TargetSeriesView = {
        targetId: target.targetId, metric: target.metric, kind: target.kind, unit: target.unit, unitId,
        milestones: target.milestones.map((m) => ({ ...m })),
        measurements: latestPerPeriod(series?.measurements ?? []).map((m) => {
          const recorded = m as { at?: string; assignmentId?: string };
          return { period: m.period, value: m.value, measuredAt: recorded.at ?? '', ...(recorded.assignmentId ? { assignmentId: recorded.assignmentId } : {}) };
        }),
        status: series?.status ?? null,
        reason: series?.reason ?? null,
      };
      if (target.comparison) view.comparison = target.comparison;
      if (target.levels) view.levels = [...target.levels];
      if (target.baseline) view.baseline = { ...target.baseline };
      if (target.kind === 'rising') view.direction = target.direction ?? 'up';
      return view;
    });
  });
}
