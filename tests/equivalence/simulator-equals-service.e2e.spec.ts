import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { finalTargetStatuses, firstDifference, simulateScenario, type Scenario } from './support/equivalence-scenario';
import { everyKindScenarios } from './support/every-target-kind';
import { recordedStreams, ServiceReplay } from './support/service-replay';

/**
 * The simulator is the service: for each real plan, with departments on time, one late and one
 * silent, and one amendment, the simulator's streams equal what the service records under the
 * virtual clock on PGlite when the same people give the same commands through its API at the
 * same business times. Any reaction changed in one place only (workflow, deciders, reactor,
 * timer projection, simulator) shows here as a differing stream.
 */
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
  ...everyKindScenarios(),
];

describe.each(scenarios.map((s) => ({ ...s, name: s.targetsEnd ? `${s.plan}, ${s.amendment ? 'targets amended' : `every target ${Object.values(s.targetsEnd)[0]}`}` : s.plan })))('simulator and service agree: $name', (scenario) => {
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
    if (scenario.targetsEnd) expect(finalTargetStatuses(simulated.streams)).toEqual(scenario.targetsEnd);
    else if (scenario.measurements) expect(new Set(statuses)).toEqual(new Set(['on-track', 'at-risk', 'met', 'missed']));

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
