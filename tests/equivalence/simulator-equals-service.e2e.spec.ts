import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { endOfLocalDay } from '@planledger/calendar';
import type { PlanledgerEvent } from '@planledger/domain';
import { parsePlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, type PersonAction } from '@planledger/simulation';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { comparable, recordedStreams, ServiceReplay, type PlanUploadBody } from './support/service-replay';

/**
 * The simulator is the service: for each real plan, with departments on time, one late and one
 * silent, and one amendment, the simulator's streams equal what the service records under the
 * virtual clock on PGlite when the same people give the same commands through its API at the
 * same business times. Any reaction changed in one place only (workflow, deciders, reactor,
 * timer projection, simulator) shows here as a differing stream.
 */
const repo = join(__dirname, '..', '..');

interface Scenario {
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
  /** Event types the run must hold (default: those an amendment and late, silent departments bring). */
  expectTypes?: string[];
  late: string;
  silent: string;
  /** Business time the plan is drafted and published (the virtual clock's start). */
  publishAt: string;
  /** One school year or less keeps the run short; the amendment and the late and silent work fall inside. */
  until: string;
}

const scenarios: Scenario[] = [
  {
    plan: 'workflows/lianyun-quality-2021-2024.yaml',
    amendment: { file: 'tests/equivalence/plans/lianyun-quality-2021-2024.amended.yaml', at: '2022-03-01T00:00:00.000+08:00' },
    late: 'xugou-primary',
    silent: 'haibin-primary',
    publishAt: '2021-08-30T09:00:00.000+08:00',
    until: '2022-08-31T23:59:59.999+08:00',
  },
  {
    plan: 'workflows/county-basic-education-2022-2025.yaml',
    departmentsFile: 'workflows/county-basic-education-departments.yaml',
    amendment: { file: 'tests/equivalence/plans/county-basic-education-2022-2025.amended.yaml', at: '2022-11-01T00:00:00.000+08:00' },
    late: 'county-no1-high',
    silent: 'county-no2-high',
    publishAt: '2022-08-29T09:00:00.000+08:00',
    until: '2023-01-31T23:59:59.999+08:00',
  },
  {
    plan: 'workflows/examples/outside-events.yaml',
    events: [
      { eventId: 'exam', date: '2024-01-16', at: '2024-01-16T10:00:00.000+08:00' },
      { eventId: 'spot', date: '2024-03-12', at: '2024-03-12T15:00:00.000+08:00', units: ['school-b'] },
      { eventId: 'visit', date: '2024-05-20', at: '2024-04-20T09:00:00.000+08:00' },
    ],
    late: 'school-a',
    silent: 'school-b',
    publishAt: '2023-08-28T09:00:00.000+08:00',
    until: '2024-06-30T23:59:59.999+08:00',
    expectTypes: ['OutsideEventRecorded', 'AssignmentIssued', 'AssignmentOverdue', 'AssignmentAccepted'],
  },
  {
    plan: 'workflows/examples/inspections.yaml',
    inspections: [
      { inspectionId: 'spring-check', date: '2024-03-12', at: '2024-03-12T16:00:00.000+08:00' },
      { inspectionId: 'walk', date: '2024-05-15', at: '2024-05-15T16:00:00.000+08:00', inspectingUnitId: 'supervision', unitIds: ['school-a'] },
    ],
    findings: [
      { inspectionId: 'spring-check', unitId: 'school-a', text: '作业公示制度落实不到位', code: 'homework', at: '2024-03-12T17:00:00.000+08:00' },
      { inspectionId: 'spring-check', unitId: 'school-b', text: '课后服务台账不全', at: '2024-03-12T17:00:00.000+08:00' },
      { inspectionId: 'walk', unitId: 'school-a', text: '作业总量仍然超标', code: 'homework', rectificationDays: 15, at: '2024-05-15T17:00:00.000+08:00' },
    ],
    late: 'school-a',
    silent: 'school-b',
    publishAt: '2023-08-28T09:00:00.000+08:00',
    until: '2024-06-30T23:59:59.999+08:00',
    expectTypes: ['InspectionRecorded', 'FindingRecorded', 'AssignmentIssued', 'AssignmentAccepted', 'AssignmentOverdue', 'AssignmentEscalated'],
  },
  {
    plan: 'workflows/examples/after-accepted.yaml',
    late: 'school-a',
    silent: 'school-b',
    publishAt: '2023-08-28T09:00:00.000+08:00',
    until: '2024-01-31T23:59:59.999+08:00',
    expectTypes: ['AssignmentAccepted', 'AssignmentOverdue'],
  },
  {
    // Each target kind driven through the service under the virtual clock: a threshold and a ratio
    // reported by the bureau office's submissions, a per-school falling rate reported by each
    // school (school-b silent: its 2022 report never comes), the rest recorded by a planner.
    plan: 'workflows/examples/targets.yaml',
    measurements: [
      { targetId: 'enrolment', unitId: null, period: '2022', value: 86, at: '2022-12-31T23:59:59.999+08:00' },
      { targetId: 'enrolment', unitId: null, period: '2023', value: 88.5, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'quality-kindergartens', unitId: null, period: '2023', value: 9, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'myopia', unitId: 'school-a', period: '2022', value: 42, at: '2022-12-31T23:59:59.999+08:00' },
      { targetId: 'myopia', unitId: 'school-a', period: '2023', value: 42.1, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'new-places', unitId: null, period: '2023', value: 600, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'safety', unitId: 'school-b', period: '2023', value: 1, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'evaluation', unitId: null, period: '2023', value: false, at: '2023-12-31T23:59:59.999+08:00' },
      { targetId: 'park-grade', unitId: 'kindergarten-a', period: '2023', value: '一级', at: '2023-12-31T23:59:59.999+08:00' },
      // 2024, the targets' last year: met, missed.
      { targetId: 'enrolment', unitId: null, period: '2024', value: 91, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'quality-kindergartens', unitId: null, period: '2024', value: 11, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'myopia', unitId: 'school-a', period: '2024', value: 41, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'new-places', unitId: null, period: '2024', value: 1700, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'safety', unitId: 'school-a', period: '2024', value: 0, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'evaluation', unitId: null, period: '2024', value: true, at: '2024-12-31T23:59:59.999+08:00' },
      { targetId: 'park-grade', unitId: 'kindergarten-a', period: '2024', value: '一级', at: '2024-12-31T23:59:59.999+08:00' },
    ],
    late: 'bureau-office',
    silent: 'school-b',
    publishAt: '2022-08-29T09:00:00.000+08:00',
    until: '2025-01-31T23:59:59.999+08:00',
    expectTypes: ['TargetMeasured', 'TargetStatusChanged', 'AssignmentSubmitted'],
  },
];

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

describe.each(scenarios)('simulator and service agree: $plan', (scenario) => {
  let dataDir: string;
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service) await service.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('with on-time, late and silent departments, an amendment or outside events, every stream holds the same events in the same order', async () => {
    const simulated = simulateScenario(scenario);
    expect(simulated.result.rejections).toEqual([]);
    const types = new Set([...simulated.streams.values()].flat().map((e) => e.type));
    for (const type of scenario.expectTypes ?? ['PlanAmended', 'AssignmentDeadlineMoved', 'AssignmentCancelled', 'AssignmentEscalated', 'AssignmentAccepted']) expect(types).toContain(type);
    // Targets: every status is reached somewhere, so the service is shown to agree on each.
    const statuses = [...simulated.streams.values()].flat().flatMap((e) => (e.type === 'TargetStatusChanged' ? [e.data.status] : []));
    if (scenario.measurements) expect(new Set(statuses)).toEqual(new Set(['on-track', 'at-risk', 'met', 'missed']));

    dataDir = mkdtempSync(join(tmpdir(), 'planledger-equivalence-'));
    const port = freePort();
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: scenario.publishAt, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_NAME: `equivalence-${port}` },
    });
    const replay = new ServiceReplay(service.baseUrl!, dataDir, simulated.uploads);
    for (const action of simulated.actions) await replay.give(action);
    await replay.advanceTo(scenario.until);
    expect(await service.stop()).toBe(0);
    service = undefined;

    const recorded = await recordedStreams(dataDir);
    expect(firstDifference(simulated.streams, recorded)).toBeUndefined();
    expect([...recorded.keys()].sort()).toEqual([...simulated.streams.keys()].sort());
  }, 900_000);
});
