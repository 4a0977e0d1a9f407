import { invalidValueReason, periodStartYear, samePeriodKind, toMillis, type PlanSchedule } from '@planledger/domain';
import type { SimulatedMeasurement } from '@planledger/simulation';
import { parseUntil, UsageError } from './instant-format';

/**
 * `--measure TARGET[@UNIT]=PERIOD:VALUE`, e.g. `enrolment=2023:98.5`, `quality@school-a=2022-2023:true`,
 * `grade@school-b=2023:良好`. A value reported by a reporting assignment is recorded at its
 * submission; any other at the end of its period (31 December, or 31 August of a school year),
 * at the latest the plan's end.
 */
export function parseMeasurement(text: string, schedule: PlanSchedule): SimulatedMeasurement {
  const match = /^([a-z0-9][a-z0-9-]*)(?:@([a-z0-9][a-z0-9-]*))?=(\d{4}(?:-\d{4})?):(.+)$/.exec(text);
  if (!match) throw new UsageError(`--measure: "${text}" is not TARGET[@UNIT]=PERIOD:VALUE (e.g. enrolment=2023:98.5 or pass@school-a=2022-2023:true)`);
  const [, targetId, unit, period, rawValue] = match;
  const target = schedule.targets?.find((t) => t.targetId === targetId);
  if (!target) throw new UsageError(`--measure: the plan has no target "${targetId}" (it has: ${(schedule.targets ?? []).map((t) => t.targetId).join(', ') || 'none'})`);
  if (target.unitIds.length > 0 && (unit === undefined || !target.unitIds.includes(unit))) {
    throw new UsageError(`--measure: target "${targetId}" is measured per unit: write ${targetId}@UNIT with one of ${target.unitIds.join(', ')}`);
  }
  if (target.unitIds.length === 0 && unit !== undefined) throw new UsageError(`--measure: target "${targetId}" is plan-wide: write ${targetId}=${period}:VALUE without @${unit}`);
  const value = rawValue === 'true' ? true : rawValue === 'false' ? false : /^-?\d+(\.\d+)?$/.test(rawValue) ? Number(rawValue) : rawValue;
  const wrong = invalidValueReason(target, value);
  if (wrong !== undefined) throw new UsageError(`--measure ${text}: ${wrong}`);
  const final = target.milestones[target.milestones.length - 1].period;
  if (!samePeriodKind(period, final) || (periodStartYear(period) ?? 0) > (periodStartYear(final) ?? 0)) {
    throw new UsageError(`--measure ${text}: target "${targetId}" is measured by ${final.includes('-') ? 'school year ("2023-2024")' : 'calendar year ("2023")'} up to ${final}`);
  }
  const year = Number(period.slice(0, 4));
  const periodEnd = parseUntil(period.includes('-') ? `${year + 1}-08-31` : `${year}-12-31`, schedule.timeZone);
  const at = toMillis(periodEnd) <= toMillis(schedule.endsAt) ? periodEnd : schedule.endsAt;
  return { targetId, unitId: unit ?? null, period, value, at };
}
