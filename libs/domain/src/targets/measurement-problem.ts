import { invalidValueReason, periodStartYear, samePeriodKind, type MeasuredValue, type ScheduledTarget } from './scheduled-target';

/** Why a value cannot be recorded for this target: the field at fault and what to do instead. */
export interface MeasurementProblem {
  field: 'unitId' | 'period' | 'value';
  message: string;
}

/**
 * Whether (unit, period, value) is a measurement of the target: a unit the target applies to (or
 * none, plan-wide), a period of the target's kind up to its last milestone, a value of its type.
 * Used when a value is recorded and when an amendment changes the target under recorded values.
 */
export function measurementProblem(target: ScheduledTarget, unitId: string | null, period: string, value: MeasuredValue): MeasurementProblem | undefined {
  const { targetId } = target;
  if (target.unitIds.length === 0 && unitId !== null) return { field: 'unitId', message: `target "${targetId}" is plan-wide: give no unit (null), not "${unitId}"` };
  if (target.unitIds.length > 0 && (unitId === null || !target.unitIds.includes(unitId))) {
    return { field: 'unitId', message: `target "${targetId}" is measured per unit: name one of ${target.unitIds.join(', ')}${unitId === null ? '' : `, not "${unitId}"`}` };
  }
  const final = target.milestones[target.milestones.length - 1].period;
  const year = periodStartYear(period);
  if (year === undefined || !samePeriodKind(period, final)) return { field: 'period', message: `"${period}" is not a period of target "${targetId}": write it like "${final}"` };
  if (year > (periodStartYear(final) ?? year)) return { field: 'period', message: `target "${targetId}" ends with ${final}; "${period}" is after it` };
  const wrongValue = invalidValueReason(target, value);
  return wrongValue === undefined ? undefined : { field: 'value', message: wrongValue };
}
