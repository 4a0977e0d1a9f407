import { basename } from 'node:path';
import type { Command } from 'commander';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, TimelineBuilder, type SimulatedAmendment, type SimulatedOutsideEvent, type TimelineEntry } from '@planledger/simulation';
import { BufferedWriter } from '../output/buffered-writer';
import { instantFormatter, parseAmendment, parseOutsideEvent, parseUntil, UsageError } from '../output/instant-format';
import { loadDefinition } from './load-definition';
import { unknownDepartmentsMessage } from './unknown-departments';

interface SimulateFlags {
  until?: string;
  late: string[];
  silent: string[];
  json?: boolean;
  amend: string[];
  event: string[];
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
    .option('--json', 'one JSON object per line: at, type, plan, phase, measure, department, assignment, detail')
    .action((file: string, flags: SimulateFlags) => {
      process.exitCode = simulate(file, flags);
    });
}

function simulate(file: string, flags: SimulateFlags): number {
  const loaded = loadDefinition(file);
  if (!loaded.ok) return loaded.exitCode;
  const { definition, sources, text, format } = loaded;
  const schedule = compileSchedule(definition);

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
  try {
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
      const amendedSchedule = compileSchedule(amended.definition);
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

  const format$ = instantFormatter(schedule.timeZone);
  const timeline = new TimelineBuilder(schedule.planId, format$);
  // Once the reader has gone (`| head`), the rest is dropped rather than queued for a closed pipe.
  const out = new BufferedWriter((t) => void (process.stdout.destroyed || process.stdout.write(t)));
  const print = flags.json ? (e: TimelineEntry) => out.line(JSON.stringify(e)) : (e: TimelineEntry) => out.line(textLine(e));

  const result = simulatePlan(schedule, { fileName: file, format, text }, {
    until,
    behaviour: { late: new Set(flags.late), silent: new Set(flags.silent) },
    amendments,
    outsideEvents,
    retainEvents: false,
    onEvent: (event) => print(timeline.entry(event)),
    onBulletinDue: (slot) => print(timeline.bulletin(slot)),
  });

  if (!flags.json) {
    out.line('');
    out.line(`${result.events} events until ${format$(result.endedAt)}:`);
    for (const [type, count] of Object.entries(result.eventsByType).sort()) out.line(`  ${type.padEnd(28)} ${count}`);
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
