import type { Actor } from '../shared/actor';
import type { Instant } from '../shared/time';
import type { PlanEvent } from '../plan/plan.events';
import type { PlanState } from '../plan/plan.state';
import type { PlanSchedule } from '../schedule/plan-schedule';
import { measurementProblem } from './measurement-problem';
import { targetSeriesKey, type ScheduledTarget } from './scheduled-target';
import type { TargetChanges } from './target-changes';
import { assessTarget, latestPerPeriod } from './target-status';

type TargetSeries = NonNullable<PlanState['targets']>[string];

/** Every series (target × unit, or plan-wide) of a schedule's targets, with its target. */
function seriesOf(schedule: PlanSchedule | undefined): { key: string; unitId: string | null; target: ScheduledTarget }[] {
  return (schedule?.targets ?? []).flatMap((target) =>
    (target.unitIds.length === 0 ? [null] : target.unitIds).map((unitId) => ({ key: targetSeriesKey(target.targetId, unitId), unitId, target })));
}

/**
 * The series the schedule in force still judges: a removed target's, or a unit's the target no
 * longer applies to, are dropped from state (their TargetMeasured / TargetStatusChanged events stay
 * in the record; an as-of replay before the amendment still shows them).
 */
export function seriesInForce(targets: PlanState['targets'], schedule: PlanSchedule): PlanState['targets'] {
  if (targets === undefined) return undefined;
  const kept: Record<string, TargetSeries> = {};
  for (const { key } of seriesOf(schedule)) if (targets[key]) kept[key] = targets[key];
  return kept;
}

/** Why the amended targets cannot stand over the values recorded so far (field and message), or undefined. */
export function amendedTargetProblem(state: PlanState, after: PlanSchedule, changes: TargetChanges | undefined): { field: string; message: string } | undefined {
  const changed = new Set(changes?.changed.map((c) => c.targetId));
  for (const { key, unitId, target } of seriesOf(after)) {
    if (!changed.has(target.targetId)) continue;
    for (const m of latestPerPeriod(state.targets?.[key]?.measurements ?? [])) {
      const problem = measurementProblem(target, unitId, m.period, m.value);
      if (problem) {
        return {
          field: `schedule.targets.${target.targetId}`,
          message: `the value recorded for ${m.period}${unitId === null ? '' : ` at ${unitId}`} (${String(m.value)}) would no longer be a value of the amended target: ${problem.message}. ` +
            'Recorded values stay: to measure it another way, remove the target and add one under a new id',
        };
      }
    }
  }
  return undefined;
}

/**
 * After an amendment, each series of a changed or added target that has values is judged again by
 * the status rule under the new terms; a status is recorded where it differs from the one before,
 * at the amendment's instant, with a reason saying why it was judged again.
 */
export function rejudgedTargets(state: PlanState, after: PlanSchedule, changes: TargetChanges | undefined, amendment: number, at: Instant, actor: Actor): PlanEvent[] {
  if (!changes) return [];
  const termsOf = new Map<string, string>([
    ...changes.changed.map((c): [string, string] => [c.targetId, c.terms.join(', ')]),
    ...changes.addedTargetIds.map((id): [string, string] => [id, 'added']),
  ]);
  return seriesOf(after).flatMap(({ key, unitId, target }): PlanEvent[] => {
    const terms = termsOf.get(target.targetId);
    const series = state.targets?.[key];
    if (terms === undefined || !series || series.measurements.length === 0) return [];
    const assessment = assessTarget(target, series.measurements);
    if (!assessment || assessment.status === series.status) return [];
    const period = latestPerPeriod(series.measurements).at(-1)!.period;
    return [{
      type: 'TargetStatusChanged', schemaVersion: 1, at, actor,
      data: {
        planId: state.planId, targetId: target.targetId, unitId, period, status: assessment.status, ...(series.status ? { previousStatus: series.status } : {}),
        reason: `re-judged after amendment ${amendment} (${terms}): ${assessment.reason}`, at,
      },
    }];
  });
}
