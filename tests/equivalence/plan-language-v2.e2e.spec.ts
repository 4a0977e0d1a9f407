import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PlanledgerEvent } from '@planledger/domain';
import { parsePlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from '@planledger/scheduling';
import { simulatePlan, type PersonAction, type SimulatedPhaseClose } from '@planledger/simulation';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { firstDifference } from './support/equivalence-scenario';
import { recordedStreams, ServiceReplay, type PlanUploadBody } from './support/service-replay';

/**
 * The deadline shapes of plan language v2 (coarse, school calendar, recurrence, standing duties,
 * calendar spans, ordered phases) and roles as leads, end to end: the service, given each example
 * plan (its 校历 section included) and the same people's commands at the same business times under
 * the virtual clock, records the streams the simulator makes.
 */
const repo = join(__dirname, '..', '..');

/** Without `publishAt`, the plan is published where its schedule says (its issue date), in both. */
const examples: { plan: string; late: string; publishAt?: string; until: string; issued?: number; phaseCloses?: SimulatedPhaseClose[] }[] = [
  { plan: 'workflows/examples/coarse-deadlines.yaml', late: 'school-b', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-05-20T00:00:00.000+08:00' },
  { plan: 'workflows/examples/school-calendar.yaml', late: 'research-office', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-05-20T00:00:00.000+08:00' },
  { plan: 'workflows/examples/recurrence.yaml', late: 'school-a', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-06-20T00:00:00.000+08:00' },
  // A calendar span published on its issue date (before the span), a phase across the year end, an open-ended phase, the plan's close.
  { plan: 'workflows/examples/calendar-span.yaml', late: 'school-b', until: '2024-07-01T00:00:00.000+08:00' },
  // ADR 0019: undated phases; a planner closes one through POST /plans/{id}/phases/{phaseId}/close.
  { plan: 'workflows/examples/ordered-phases.yaml', late: 'school-b', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-03-01T00:00:00.000+08:00', phaseCloses: [{ phaseId: 'self-check', at: '2023-12-15T23:59:59.999+08:00' }] },
  // Standing duties (常态化: issued with no due date, never reminded) beside their dated self-reports, to the plan's end.
  { plan: 'workflows/examples/standing-duties.yaml', late: 'school-a', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-09-01T00:00:00.000+08:00', issued: 3 },
  // A role as the lead (班主任 of every school): the assignment carries the role.
  { plan: 'workflows/examples/roles-and-roster.yaml', late: 'school-b', publishAt: '2023-08-31T09:00:00.000+08:00', until: '2024-09-01T00:00:00.000+08:00' },
];

describe.each(examples)('plan language v2 in the service: $plan', (example) => {
  let dataDir: string;
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service) await service.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the service records the streams the simulator makes', async () => {
    const path = join(repo, example.plan);
    const text = readFileSync(path, 'utf8');
    const parsed = parsePlanDefinition(text, path, { readFile: (p) => readFileSync(p, 'utf8') });
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
    const actions: PersonAction[] = [];
    const schedule = compileSchedule(parsed.definition);
    const publishAt = example.publishAt ?? schedule.publishesAt!;
    const result = simulatePlan(schedule, { fileName: basename(path), format: 'yaml', text }, {
      ...(example.publishAt !== undefined && { publishAt: example.publishAt }),
      until: example.until,
      behaviour: { late: new Set([example.late]), silent: new Set() },
      phaseCloses: example.phaseCloses ?? [],
      onEvent: () => undefined,
      onAction: (action) => actions.push(action),
    });
    expect(result.rejections).toEqual([]);
    expect(actions[0]).toMatchObject({ at: publishAt, command: { type: 'DraftPlan' } });
    const simulated = new Map<string, PlanledgerEvent[]>();
    for (const { stream, events } of result.store.streams()) simulated.set(stream, [...events]);
    expect([...simulated.values()].flat().filter((e) => e.type === 'AssignmentIssued').length).toBeGreaterThanOrEqual(example.issued ?? 6);

    dataDir = mkdtempSync(join(tmpdir(), 'planledger-v2-'));
    const port = freePort();
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: publishAt, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_NAME: `v2-deadlines-${port}` },
    });
    const draft: PlanUploadBody = { definition: text, fileName: basename(path) };
    const replay = new ServiceReplay(service.baseUrl!, dataDir, { draft, amendments: new Map() });
    for (const action of actions) await replay.give(action);
    await replay.advanceTo(example.until);
    expect(await service.stop()).toBe(0);
    service = undefined;

    const recorded = await recordedStreams(dataDir);
    expect(firstDifference(simulated, recorded)).toBeUndefined();
    expect([...recorded.keys()].sort()).toEqual([...simulated.keys()].sort());
  }, 600_000);
});
