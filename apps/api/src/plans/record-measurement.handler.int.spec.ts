/**
 * Target values through the command handlers, without HTTP, on real PGlite (ADR 0023): a reporting
 * assignment's submission carries its value onto the plan stream; a planner records the others;
 * a replay as of a date shows only what had been recorded by then.
 */
import { replayPlanAsOf, resolveAsOf } from '@planledger/audit';
import { streamOf, type ScheduledTarget } from '@planledger/domain';
import { PLAN_ID, head, meta, obligation, planner, schedule } from '@planledger/domain/testing';
import { CommandExecutor, ManualClock } from '@planledger/engine';
import type { StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssignmentActionCommand } from '../assignments/assignment-action.command';
import { AssignmentActionHandler } from '../assignments/assignment-action.handler';
import type { CommandContext } from '../commands/command-context';
import { AssignmentFiles } from '../files/assignment-files';
import { RecordMeasurementCommand } from './plan.commands';
import { RecordMeasurementHandler } from './record-measurement.handler';

const plan = { aggregate: 'plan', planId: PLAN_ID } as const;
const source = { fileName: 'p.yaml', format: 'yaml' as const, text: '' };
const asPlanner: CommandContext = { actor: planner, correlationId: 'c-planner' };
const asHead: CommandContext = { actor: head, correlationId: 'c-head' };
const enrolment: ScheduledTarget = {
  targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%',
  milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 99 }], unitIds: [], measuredBy: { departmentIds: ['school-a'], perUnit: false },
};
const report = obligation({ assignmentId: 'enrolment.school-a.2022', measureId: 'enrolment', title: '报送学前三年毛入园率', periodKey: '2022', reviewers: [], reports: { targetId: 'enrolment', unitId: null, period: '2022' } });
const reporting = { planId: PLAN_ID, assignmentId: report.assignmentId };

describe('target measurements through the handlers (PGlite)', () => {
  let store: Awaited<ReturnType<typeof openFreshPgliteStore>>;
  let executor: CommandExecutor;
  let clock: ManualClock;
  let filesDir: string;
  const planEvents = async () => {
    const events: StoredEvent[] = [];
    for await (const stored of store.readStream(streamOf(plan))) events.push(stored);
    return events;
  };
  const actions = async () => {
    const files = new AssignmentFiles({ store, database: store.database, kind: 'pglite', close: () => store.close() }, { FILES_DIR: filesDir });
    await files.onModuleInit();
    return new AssignmentActionHandler(executor, clock, files);
  };

  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
    clock = new ManualClock(new Date('2022-11-20T02:00:00.000Z'));
    filesDir = await mkdtemp(join(tmpdir(), 'planledger-targets-'));
    const withTargets = schedule({ targets: [enrolment], obligations: [obligation(), report] });
    await executor.execute(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: withTargets, source }, metadata: meta('2021-06-01T00:00:00.000Z', planner) });
    await executor.execute(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta('2021-06-01T00:00:00.000Z', planner) });
    await executor.execute({ aggregate: 'assignment', ...reporting }, { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: report }, metadata: meta('2022-10-31T16:00:00.000Z', planner) });
  });
  afterEach(async () => {
    await store.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('given a reporting assignment, when it is submitted with its value, then the plan records the value (with the assignment) and the status it gives', async () => {
    expect(await (await actions()).execute(new AssignmentActionCommand(reporting, 'submit', { value: 99, note: '附统计表' }, asHead))).toMatchObject({ ok: true, value: { status: 'submitted' } });
    const [measured, changed] = (await planEvents()).filter((e) => e.type.startsWith('Target'));
    expect(measured).toMatchObject({ type: 'TargetMeasured', data: { targetId: 'enrolment', unitId: null, period: '2022', value: 99, assignmentId: report.assignmentId, recordedBy: head.userId, measuredAt: '2022-11-20T02:00:00.000Z' } });
    expect(changed).toMatchObject({ type: 'TargetStatusChanged', data: { targetId: 'enrolment', period: '2022', status: 'on-track' } });
  });

  it('refuses a reporting submission without a value, or with a value the target refuses, and submits nothing', async () => {
    const handler = await actions();
    expect(await handler.execute(new AssignmentActionCommand(reporting, 'submit', {}, asHead))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'value', message: expect.stringContaining('reports target "enrolment" for 2022') }] } });
    expect(await handler.execute(new AssignmentActionCommand(reporting, 'submit', { value: '优秀' }, asHead))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'value', message: expect.stringContaining('give a number') }] } });
    const { state } = await executor.load({ aggregate: 'assignment', ...reporting });
    expect((state as { status: string }).status).toBe('issued');
    expect((await planEvents()).filter((e) => e.type.startsWith('Target'))).toEqual([]);
  });

  it('refuses a value on work that reports no target', async () => {
    const ordinary = { planId: PLAN_ID, assignmentId: obligation().assignmentId };
    await executor.execute({ aggregate: 'assignment', ...ordinary }, { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: obligation() }, metadata: meta('2022-10-31T16:00:00.000Z', planner) });
    expect(await (await actions()).execute(new AssignmentActionCommand(ordinary, 'submit', { value: 3 }, asHead))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'value' }] } });
  });

  it('a planner records values; a replay as of a date between them shows only the first, with the status it gave then', async () => {
    const record = new RecordMeasurementHandler(executor, clock);
    await clock.set(new Date('2022-12-30T02:00:00.000Z'));
    expect(await record.execute(new RecordMeasurementCommand(PLAN_ID, { targetId: 'enrolment', period: '2022', value: 96 }, asPlanner))).toEqual({
      ok: true, value: { planId: PLAN_ID, targetId: 'enrolment', unitId: null, period: '2022', status: 'at-risk', at: '2022-12-30T02:00:00.000Z' },
    });
    await clock.set(new Date('2023-12-30T02:00:00.000Z'));
    expect(await record.execute(new RecordMeasurementCommand(PLAN_ID, { targetId: 'enrolment', period: '2023', value: 99.1 }, asPlanner))).toMatchObject({ ok: true, value: { status: 'met' } });
    expect(await record.execute(new RecordMeasurementCommand(PLAN_ID, { targetId: 'enrolment', unitId: 'school-a', period: '2023', value: 99 }, asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'unitId' }] } });

    const events: StoredEvent[] = [];
    for await (const stored of store.readAll()) events.push(stored);
    const asOf = (date: string) => replayPlanAsOf(PLAN_ID, events, resolveAsOf(date, 'Asia/Shanghai', 'business'))?.targets;
    expect(asOf('2023-06-30')).toEqual([expect.objectContaining({ targetId: 'enrolment', unitId: null, status: 'at-risk', measurements: [{ period: '2022', value: 96, measuredAt: '2022-12-30T02:00:00.000Z' }] })]);
    expect(asOf('2024-01-31')).toEqual([expect.objectContaining({ status: 'met', measurements: [expect.objectContaining({ period: '2022' }), expect.objectContaining({ period: '2023', value: 99.1 })] })]);
  });
});
