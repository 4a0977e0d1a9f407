import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { rosterProblems, type PlanSchedule, type RosterEntry } from '@planledger/domain';
import { parseRosterFile } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, TimelineBuilder, type SimulatedAmendment, type SimulatedFinding, type SimulatedInspection, type SimulatedMeasurement, type SimulatedOutsideEvent, type SimulatedPhaseClose, type TimelineEntry } from '@planledger/simulation';
import { BufferedWriter } from '../output/buffered-writer';
import { parseFinding, parseInspection } from '../output/inspection-options';
import { instantFormatter, parseAmendment, parseOutsideEvent, parsePhaseClose, parseUntil, UsageError } from '../output/instant-format';
import { parseMeasurement } from '../output/measure-flag';
import { configuredHolidays } from './configured-holidays';
import { formatErrors, loadDefinition, readPlanFile } from './load-definition';
import { unknownDepartmentsMessage } from './unknown-departments';

interface SimulateFlags {
  until?: string;
  late: string[];
  silent: string[];
  json?: boolean;
  amend: string[];
  event: string[];
  closePhase: string[];
  roster?: string;
  measure: string[];
  inspection: string[];
  finding: string[];
}

const collectIds = (value: string, previous: string[]) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('run the whole plan in virtual time (no database, no Redis) and print its timeline')
    .argument('<file>', 'plan definition (YAML or JSON)')
    .option('--until <date>', 'stop after this date (YYYY-MM-DD, end of day in the plan zone) or instant')
    .option('--late <dept,...>', 'departments that submit after their deadlines', collectIds, [])
    .option('--silent <dept,...>', 'departments that never act', collectIds, [])
    .option('--amend <file@date>', 'put a new version of the plan in force at that date (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--event <id=date>', 'a planner records outside event ID on that date: ID=DATE[@RECORDED][:UNIT,…] (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--close-phase <id=date>', 'a planner closes phase ID at the end of that day; the undated phase after it opens (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--roster <file>', 'a roster file (role@unit → people) the planner records right after publishing; looked up beside the plan when not found as given')
    .option('--measure <target[@unit]=period:value>', 'a target\'s value for a period, e.g. enrolment=2023:98.5 or pass@school-a=2022-2023:true (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--inspection <id=date>', 'a planner records inspection ID on that date: ID=DATE[:BY>UNIT,…] for an unannounced one (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--finding <inspection/unit=text>', 'a finding of a recorded inspection, issuing its rectification: INSPECTION/UNIT[@DATE][#CODE][+DAYS]=TEXT (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--json', 'one JSON object per line: at, type, plan, phase, measure, department, assignment, detail')
    .action((file: string, flags: SimulateFlags) => {
      process.exitCode = simulate(file, flags);
    });
}

function simulate(file: string, flags: SimulateFlags): number {
  const loaded = loadDefinition(file);
  if (!loaded.ok) return loaded.exitCode;
  const { definition, sources, text, format } = loaded;
  const holidays = configuredHolidays();
  if (!holidays) return 2;
  const schedule = compileSchedule(definition, { holidays });

  const known = schedule.departments.map((d) => d.id);
  for (const [flag, ids] of [['--late', flags.late], ['--silent', flags.silent]] as const) {
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      process.stderr.write(unknownDepartmentsMessage(flag, unknown, known, sources));
      return 2;
    }
  }

  let until: string | undefined;
  const amendments: SimulatedAmendment[] = [];
  const outsideEvents: SimulatedOutsideEvent[] = [];
  const phaseCloses: SimulatedPhaseClose[] = [];
  const measurements: SimulatedMeasurement[] = [];
  const inspections: SimulatedInspection[] = [];
  const findings: SimulatedFinding[] = [];
  try {
    for (const value of flags.inspection) inspections.push(parseInspection(value, schedule.timeZone));
    for (const value of flags.finding) findings.push(parseFinding(value, schedule.timeZone, inspections));
    for (const value of flags.measure) measurements.push(parseMeasurement(value, schedule));
    for (const value of flags.closePhase) {
      const parsed = parsePhaseClose(value, schedule.timeZone);
      const named = schedule.phases.map((p) => p.phaseId);
      if (!named.includes(parsed.phaseId)) throw new UsageError(`--close-phase: the plan has no phase "${parsed.phaseId}" (it has: ${named.join(', ')})`);
      phaseCloses.push(parsed);
    }
    for (const value of flags.event) {
      const parsed = parseOutsideEvent(value, schedule.timeZone, (id) => schedule.outsideEvents?.find((e) => e.eventId === id)?.inspection ?? false);
      const named = (schedule.outsideEvents ?? []).map((e) => e.eventId);
      if (!named.includes(parsed.eventId)) throw new UsageError(`--event: the plan names no event "${parsed.eventId}" (it names: ${named.join(', ') || 'none'})`);
      outsideEvents.push(parsed);
    }
    until = flags.until ? parseUntil(flags.until, schedule.timeZone) : undefined;
    for (const value of flags.amend) {
      const { file: amendedFile, at } = parseAmendment(value, schedule.timeZone);
      const amended = loadDefinition(amendedFile);
      if (!amended.ok) return amended.exitCode;
      const amendedSchedule = compileSchedule(amended.definition, { holidays });
      if (amendedSchedule.planId !== schedule.planId) {
        process.stderr.write(`--amend: ${amendedFile} is plan "${amendedSchedule.planId}", not "${schedule.planId}"\n`);
        return 2;
      }
      amendments.push({ at, schedule: amendedSchedule, reason: amendmentReason(basename(amendedFile)), source: { fileName: amendedFile, format: amended.format, text: amended.text } });
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const roster = flags.roster === undefined ? undefined : loadRoster(flags.roster, file, schedule);
  if (roster === null) return 2;

  const format$ = instantFormatter(schedule.timeZone);
  const timeline = new TimelineBuilder(schedule.planId, format$);
  // Once the reader has gone (`| head`), the rest is dropped rather than queued for a closed pipe.
  const out = new BufferedWriter((t) => void (process.stdout.destroyed || process.stdout.write(t)));
  const print = flags.json ? (e: TimelineEntry) => out.line(JSON.stringify(e)) : (e: TimelineEntry) => out.line(textLine(e));

  /** Each target's last status, per unit: printed after the counts. */
  const finalStatuses = new Map<string, string>();
  const result = simulatePlan(schedule, { fileName: file, format, text }, {
    until,
    behaviour: { late: new Set(flags.late), silent: new Set(flags.silent) },
    amendments,
    outsideEvents,
    phaseCloses,
    ...(roster && { roster }),
    measurements,
    inspections,
    findings,
    retainEvents: false,
    onEvent: (event) => {
      if (event.type === 'TargetStatusChanged') finalStatuses.set(`${event.data.targetId}${event.data.unitId === null ? '' : `@${event.data.unitId}`}`, `${event.data.status} (${event.data.period})`);
      print(timeline.entry(event));
    },
    onBulletinDue: (slot) => print(timeline.bulletin(slot)),
  });

  if (!flags.json) {
    out.line('');
    out.line(`${result.events} events until ${format$(result.endedAt)}:`);
    for (const [type, count] of Object.entries(result.eventsByType).sort()) out.line(`  ${type.padEnd(28)} ${count}`);
    const neverOpened = timeline.phasesNeverOpened();
    if (neverOpened.length > 0) out.line('');
    for (const line of neverOpened) out.line(line);
    if (finalStatuses.size > 0) {
      out.line('');
      out.line('targets:');
      for (const [series, status] of [...finalStatuses].sort(([a], [b]) => (a < b ? -1 : 1))) out.line(`  ${series.padEnd(28)} ${status}`);
    }
  }
  out.flush();
  for (const r of result.rejections) process.stderr.write(`refused ${r.command} on ${r.target.aggregate}: ${r.error.message}\n`);
  return result.rejections.length > 0 ? 1 : 0;
}

/** The reason recorded in PlanAmended (the service asks the planner; the preview names the file). */
export const amendmentReason = (file: string): string => `修订 (amended by ${file})`;

function textLine(e: TimelineEntry): string {
  const who = e.department ?? e.phase ?? '';
  const what = e.assignment ?? '';
  return [e.at, e.type.padEnd(27), who.padEnd(22), what, e.detail ?? ''].filter((s, i) => i < 3 || s).join('  ').trimEnd();
}

/**
 * `--roster FILE`: the file as `roster set` reads it, checked against the plan here (a role it gives
 * no work to, a unit it lacks) with the entry's file:line; a person without a name shows as their id.
 */
function loadRoster(given: string, planFile: string, schedule: PlanSchedule): { entries: RosterEntry[]; source: string } | null {
  const path = existsSync(given) ? given : join(dirname(planFile), given);
  const text = readPlanFile(path);
  if (text === undefined) return null;
  const parsed = parseRosterFile(text, path);
  if (!parsed.ok) {
    process.stderr.write(formatErrors(parsed.errors));
    return null;
  }
  const entries = parsed.entries.map(({ roleId, unitId, people }) => ({ roleId, unitId, people: people.map(({ personId, name }) => ({ personId, name: name ?? personId })) }));
  const problems = rosterProblems(schedule, entries);
  if (parsed.planId !== undefined && parsed.planId !== schedule.planId) problems.unshift({ field: 'plan', message: `the roster is for plan ${parsed.planId}, not ${schedule.planId}` });
  if (problems.length > 0) {
    const lineOf = (field: string) => parsed.entries[Number(/^entries\[(\d+)\]/.exec(field)?.[1] ?? -1)]?.line ?? 1;
    for (const p of problems) process.stderr.write(`${path}:${lineOf(p.field)}  ${p.field.replace(/^entries/, 'roster')}  ${p.message}\n`);
    return null;
  }
  return { entries, source: basename(path) };
}
