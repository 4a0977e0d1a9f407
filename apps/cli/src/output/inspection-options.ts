import type { SimulatedFinding, SimulatedInspection } from '@planledger/simulation';
import { DateTime } from 'luxon';
import { UsageError } from './instant-format';

/** Inspections are recorded, and their findings written up, at 16:00 and 17:00 of the day, where the plan lives. */
const atHour = (date: string, hour: number, zone: string, flag: string): string => {
  const local = DateTime.fromISO(date, { zone });
  if (!local.isValid) throw new UsageError(`${flag}: "${date}" is not a calendar date`);
  return local.set({ hour }).toUTC().toISO()!;
};

/**
 * `--inspection ID=DATE[:BY>UNIT,UNIT…]`: inspection ID took place on DATE. One the plan names
 * takes its inspecting unit and units; an unannounced one names them (`:supervision>school-a,school-b`).
 */
export function parseInspection(value: string, zone: string): SimulatedInspection {
  const match = /^([A-Za-z0-9_-]+)=(\d{4}-\d{2}-\d{2})(?::([A-Za-z0-9._-]+)>([A-Za-z0-9._,-]+))?$/.exec(value);
  if (!match) throw new UsageError(`--inspection: "${value}" is not ID=DATE[:BY>UNIT,…] (e.g. spring-check=2024-03-12 or walk=2024-03-12:supervision>school-a)`);
  const [, inspectionId, date, by, units] = match;
  return {
    at: atHour(date, 16, zone, '--inspection'), inspectionId, date,
    ...(by ? { inspectingUnitId: by, unitIds: units.split(',').filter(Boolean) } : {}),
  };
}

/**
 * `--finding INSPECTION/UNIT[@DATE][#CODE][+DAYS]=TEXT`: a finding of INSPECTION for UNIT, written
 * up on DATE (default: the inspection's date), with a category CODE (a repeat of an earlier finding
 * of the same code is marked) and DAYS to rectify (default: the plan's). TEXT has no spaces.
 */
export function parseFinding(value: string, zone: string, inspections: readonly SimulatedInspection[]): SimulatedFinding {
  const match = /^([A-Za-z0-9_-]+)\/([A-Za-z0-9._-]+)(?:@(\d{4}-\d{2}-\d{2}))?(?:#([A-Za-z0-9_-]+))?(?:\+(\d+))?=(.+)$/.exec(value);
  if (!match) throw new UsageError(`--finding: "${value}" is not INSPECTION/UNIT[@DATE][#CODE][+DAYS]=TEXT (e.g. spring-check/school-a#homework=作业公示不到位)`);
  const [, inspectionId, unitId, date, code, days, text] = match;
  const on = date ?? inspections.find((i) => i.inspectionId === inspectionId)?.date;
  if (!on) throw new UsageError(`--finding: no --inspection ${inspectionId}=DATE gives the day of "${value}"; add @DATE`);
  return { at: atHour(on, 17, zone, '--finding'), inspectionId, unitId, text, ...(code ? { code } : {}), ...(days ? { rectificationDays: Number(days) } : {}) };
}
