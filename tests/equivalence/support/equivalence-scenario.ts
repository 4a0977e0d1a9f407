import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { endOfLocalDay } from '@planledger/calendar';
import type { PlanledgerEvent, TargetStatus } from '@planledger/domain';
import { parsePlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, type PersonAction } from '@planledger/simulation';
import { comparable, type PlanUploadBody } from './service-replay';

const repo = join(__dirname, '..', '..', '..');

/** One run of the equivalence test: a plan, the people's behaviour, and what planners record when. */
export interface Scenario {
  plan: string;
  departmentsFile?: string;
  amendment?: { file: string; at: string };
  /** Outside events a planner records (ADR 0015): id, date, and when it is recorded. */
  events?: { eventId: string; date: string; at: string; units?: string[] }[];
  /** Target values fed as `simulate --measure` feeds them (ADR 0023): at `at`, or with their reporting assignment's submission. */
  measurements?: { targetId: string; unitId: string | null; period: string; value: number | boolean | string; at: string }[];
  /** Inspections and findings a planner records (ADR 0024): each finding's rectification follows the review chain. */
  inspections?: { inspectionId: string; date: string; at: string; inspectingUnitId?: string; unitIds?: string[] }[];
  findings?: { inspectionId: string; unitId: string; text: string; at: string; code?: string; rectificationDays?: number }[];
  /** Every target series (`target@unit`, `@*` plan-wide) and the status it must end the run with. */
  targetsEnd?: Record<string, TargetStatus>;
  /** Event types the run must hold (default: those an amendment and late, silent departments bring). */
  expectTypes?: string[];
  late: string;
  silent: string;
  /** Business time the plan is drafted and published (the virtual clock's start). */
  publishAt: string;
  /** One school year or less keeps the run short; the amendment and the late and silent work fall inside. */
  until: string;
}

function upload(file: string, departmentsFile: string | undefined): PlanUploadBody {
  const body: PlanUploadBody = { definition: readFileSync(join(repo, file), 'utf8'), fileName: basename(file) };
  if (departmentsFile) body.files = { [basename(departmentsFile)]: readFileSync(join(repo, departmentsFile), 'utf8') };
  return body;
}

function compile(file: string) {
  const path = join(repo, file);
  const parsed = parsePlanDefinition(readFileSync(path, 'utf8'), path, { readFile: (p) => readFileSync(p, 'utf8') });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return compileSchedule(parsed.definition);
}

/** The simulator's run: its streams and the people's commands, in the order given. */
export function simulateScenario(s: Scenario) {
  const draft = upload(s.plan, s.departmentsFile);
  const amended = s.amendment ? upload(s.amendment.file, s.departmentsFile) : undefined;
  const reason = amended ? `修订 (amended by ${amended.fileName})` : '';
  const schedule = compile(s.plan);
  const actions: PersonAction[] = [];
  const result = simulatePlan(schedule, { fileName: draft.fileName, format: 'yaml', text: draft.definition }, {
    publishAt: s.publishAt,
    until: s.until,
    behaviour: { late: new Set([s.late]), silent: new Set([s.silent]) },
    amendments: s.amendment && amended ? [{ at: s.amendment.at, schedule: compile(s.amendment.file), reason, source: { fileName: amended.fileName, format: 'yaml', text: amended.definition } }] : [],
    measurements: s.measurements ?? [],
    outsideEvents: (s.events ?? []).map((e) => ({ at: e.at, eventId: e.eventId, date: e.date, dayClosesAt: endOfLocalDay(e.date, schedule.timeZone), ...(e.units ? { units: e.units } : {}) })),
    inspections: s.inspections ?? [],
    findings: s.findings ?? [],
    onEvent: () => undefined,
    onAction: (action) => actions.push(action),
  });
  const streams = new Map<string, PlanledgerEvent[]>();
  for (const { stream, events } of result.store.streams()) streams.set(stream, [...events]);
  return { result, actions, streams, uploads: { draft, amendments: new Map(amended ? [[reason, amended]] : []) } };
}

/** The first difference, said plainly (a whole-map diff of thousands of events helps no one). */
export function firstDifference(simulated: Map<string, PlanledgerEvent[]>, recorded: Map<string, PlanledgerEvent[]>): string | undefined {
  const names = [...new Set([...simulated.keys(), ...recorded.keys()])].sort();
  for (const name of names) {
    const a = (simulated.get(name) ?? []).map(comparable);
    const b = (recorded.get(name) ?? []).map(comparable);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) {
        return `stream ${name}, event ${i}:\n  simulator: ${JSON.stringify(a[i]) ?? '(none)'}\n  service:   ${JSON.stringify(b[i]) ?? '(none)'}`;
      }
    }
  }
  return undefined;
}

/** Each target series' last recorded status, in stream order. */
export function finalTargetStatuses(streams: Map<string, PlanledgerEvent[]>): Record<string, TargetStatus> {
  const last: Record<string, TargetStatus> = {};
  for (const event of [...streams.values()].flat()) {
    if (event.type === 'TargetStatusChanged') last[`${event.data.targetId}@${event.data.unitId ?? '*'}`] = event.data.status;
  }
  return last;
}
