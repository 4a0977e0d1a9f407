/**
 * The command handlers called directly, as the CommandBus calls them: a context in, a result out,
 * no HTTP anywhere. Each expected outcome is a value (success, refusal, not found, conflict,
 * invalid input with its field, invalid plan) and none is thrown. Real PGlite, real preparation pool.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUE_AT, PLAN_ID, head, meta, obligation, planner, schedule } from '@planledger/domain/testing';
import { CommandExecutor, ManualClock, deterministicEventId } from '@planledger/engine';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { AssignmentActionCommand } from '../assignments/assignment-action.command';
import { AssignmentActionHandler } from '../assignments/assignment-action.handler';
import { AssignmentFiles } from '../files/assignment-files';
import { GetPlanHistoryHandler } from '../history/history.handlers';
import { GetPlanHistoryQuery } from '../history/history.queries';
import { AmendPlanHandler } from '../plans/amend-plan.handler';
import { ClosePlanHandler } from '../plans/close-plan.handler';
import { ImportPlanHandler } from '../plans/import-plan.handler';
import { AmendPlanCommand, ClosePlanCommand, ImportPlanCommand, PublishPlanCommand } from '../plans/plan.commands';
import { PlanPreparationPool } from '../plans/preparation/plan-preparation.pool';
import { PublishPlanHandler } from '../plans/publish-plan.handler';
import type { CommandContext } from './command-context';

const WORKFLOW = join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml');
const LIANYUN = 'lianyun-quality-2021-2024';
const BEFORE_START = new Date('2021-06-01T00:00:00.000Z');
const plan = { aggregate: 'plan', planId: PLAN_ID } as const;
const source = { fileName: 'p.yaml', format: 'yaml' as const, text: '' };
const assignment = { planId: PLAN_ID, assignmentId: obligation().assignmentId };
const asPlanner: CommandContext = { actor: planner, correlationId: 'c-planner' };
const asHead: CommandContext = { actor: head, correlationId: 'c-head' };

describe('command handlers, called without HTTP', () => {
  let store: Awaited<ReturnType<typeof openFreshPgliteStore>>;
  let executor: CommandExecutor;
  let clock: ManualClock;
  let filesDir: string;
  const pool = new PlanPreparationPool();

  const draft = () => executor.execute(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: schedule(), source }, metadata: meta(BEFORE_START.toISOString(), planner) });
  const publish = new PublishPlanCommand(PLAN_ID, asPlanner);
  const published = async () => {
    await draft();
    await executor.execute(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta(BEFORE_START.toISOString(), planner) });
  };

  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
    clock = new ManualClock(BEFORE_START);
    filesDir = await mkdtemp(join(tmpdir(), 'handlers-'));
  });
  afterEach(async () => {
    await store.close();
    await rm(filesDir, { recursive: true, force: true });
  });
  afterAll(() => pool.onModuleDestroy());

  describe('publish', () => {
    it('given a draft, when published before its span starts, then the result is the published status at the service clock', async () => {
      await draft();
      expect(await new PublishPlanHandler(executor, clock).execute(publish)).toEqual({
        ok: true, value: { planId: PLAN_ID, status: 'published', at: BEFORE_START.toISOString() },
      });
    });

    it('given a draft whose first due date has passed, when published unconfirmed, then a conflict names the past-due count; confirmed, it publishes', async () => {
      await draft();
      await clock.set(new Date('2022-03-10T00:00:00.000Z'));
      const handler = new PublishPlanHandler(executor, clock);
      expect(await handler.execute(publish)).toEqual({
        ok: false,
        rejection: { kind: 'conflict', code: 'past_due_confirmation_required', details: { pastDue: 1, firstDueAt: DUE_AT }, message: expect.stringContaining('?confirmPastDue=true') },
      });
      expect(await handler.execute(new PublishPlanCommand(PLAN_ID, asPlanner, true))).toMatchObject({ ok: true, value: { status: 'published' } });
    });

    it('given no plan, when published, then the result is not_found', async () => {
      expect(await new PublishPlanHandler(executor, clock).execute(publish)).toEqual({
        ok: false, rejection: { kind: 'not_found', message: `plan ${PLAN_ID} does not exist` },
      });
    });
  });

  describe('close', () => {
    it('given a closed plan, when closed again, then the decider refuses the transition and lists what it would accept', async () => {
      await published();
      const handler = new ClosePlanHandler(executor, clock);
      expect(await handler.execute(new ClosePlanCommand(PLAN_ID, 'done', asPlanner))).toMatchObject({ ok: true, value: { status: 'closed' } });
      expect(await handler.execute(new ClosePlanCommand(PLAN_ID, 'again', asPlanner))).toEqual({
        ok: false, rejection: { kind: 'refused', status: 'closed', command: 'ClosePlan', allowed: [], message: `cannot ClosePlan plan ${PLAN_ID} while it is closed` },
      });
    });

    it('given a close sent with an idempotency key, when sent again later, then the second result is the first answer', async () => {
      await published();
      const handler = new ClosePlanHandler(executor, clock);
      const keyed = new ClosePlanCommand(PLAN_ID, 'done', { ...asPlanner, idempotencyKey: 'k-1' });
      const first = await handler.execute(keyed);
      await clock.set(new Date('2021-07-01T00:00:00.000Z'));
      expect(await handler.execute(keyed)).toEqual(first);
      expect(first).toEqual({ ok: true, value: { planId: PLAN_ID, status: 'closed', at: BEFORE_START.toISOString() } });
    });

    it('given the key\'s event id already stored in another stream, when closed with that key, then the result is the idempotency_key_reused conflict', async () => {
      await published();
      await store.append('elsewhere-1', [{ eventId: deterministicEventId(`close-${PLAN_ID}#k-2#0`), type: 'SomethingHappened', schemaVersion: 1, data: {}, metadata: {} }], 'no_stream');
      expect(await new ClosePlanHandler(executor, clock).execute(new ClosePlanCommand(PLAN_ID, 'done', { ...asPlanner, idempotencyKey: 'k-2' }))).toEqual({
        ok: false, rejection: { kind: 'conflict', code: 'idempotency_key_reused', message: expect.stringContaining('Idempotency-Key') },
      });
    });
  });

  describe('import and amend', () => {
    const upload = async (over: { rebase?: string } = {}) => ({ text: await readFile(WORKFLOW, 'utf8'), fileName: 'lianyun.yaml', ...over });

    it('given a definition that does not parse, when imported, then the result is invalid_plan with located problems', async () => {
      const result = await new ImportPlanHandler(executor, clock, pool).execute(new ImportPlanCommand({ text: 'id: [unclosed', fileName: 'broken.yaml' }, asPlanner));
      expect(result).toMatchObject({ ok: false, rejection: { kind: 'invalid_plan', unlisted: 0 } });
      expect(result.ok === false && result.rejection.kind === 'invalid_plan' && result.rejection.errors[0]).toMatchObject({ file: 'broken.yaml', line: 1 });
    });

    it('given a rebase that carries the plan past the last recordable instant, when imported, then the problems name the rebase field', async () => {
      const result = await new ImportPlanHandler(executor, clock, pool).execute(new ImportPlanCommand(await upload({ rebase: '2200-06-01' }), asPlanner));
      const problems = result.ok === false && result.rejection.kind === 'invalid' ? result.rejection.problems : [];
      expect(problems.length).toBeGreaterThan(0);
      expect(new Set(problems.map((problem) => problem.field))).toEqual(new Set(['rebase']));
      expect(problems[0].message).toMatch(/^schedule\..+ is not between 1970-01-01 and 2200-12-31 \(UTC\) once rebased to 2200-06-01$/);
    });

    it('given a published plan, when imported again, then it is refused with amend and close as the way on, and amending it unchanged is invalid on its schedule', async () => {
      const importer = new ImportPlanHandler(executor, clock, pool);
      expect(await importer.execute(new ImportPlanCommand(await upload(), asPlanner))).toMatchObject({ ok: true, value: { planId: LIANYUN, status: 'draft', revised: false } });
      expect(await new PublishPlanHandler(executor, clock).execute(new PublishPlanCommand(LIANYUN, asPlanner))).toMatchObject({ ok: true });
      expect(await importer.execute(new ImportPlanCommand(await upload(), asPlanner))).toEqual({
        ok: false, rejection: { kind: 'refused', status: 'published', allowed: ['AmendPlan', 'ClosePlan'], message: expect.stringContaining(`POST /plans/${LIANYUN}/amendments`) },
      });
      expect(await new AmendPlanHandler(executor, clock, pool).execute(new AmendPlanCommand(LIANYUN, await upload(), 'no change', asPlanner))).toEqual({
        ok: false, rejection: { kind: 'invalid', problems: [{ field: 'schedule', message: 'the amendment changes nothing' }] },
      });
    });
  });

  describe('assignment actions', () => {
    const handler = async () => {
      const files = new AssignmentFiles({ store, database: store.database, kind: 'pglite', close: () => store.close() }, { FILES_DIR: filesDir });
      await files.onModuleInit();
      return new AssignmentActionHandler(executor, clock, files);
    };
    const issue = () =>
      executor.execute({ aggregate: 'assignment', ...assignment }, { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: obligation() }, metadata: meta(BEFORE_START.toISOString(), planner) });

    it('given an issued assignment, when its department acknowledges it, then the result is its new state and the recorded event', async () => {
      await draft();
      await issue();
      expect(await (await handler()).execute(new AssignmentActionCommand(assignment, 'acknowledge', {}, asHead))).toMatchObject({
        ok: true, value: { ...assignment, status: 'acknowledged', departmentId: 'school-a', events: [{ type: 'AssignmentAcknowledged', at: BEFORE_START.toISOString(), actor: head }] },
      });
    });

    it('given an assignment never issued, when acknowledged, then the result is not_found', async () => {
      await draft();
      expect(await (await handler()).execute(new AssignmentActionCommand(assignment, 'acknowledge', {}, asHead))).toMatchObject({ ok: false, rejection: { kind: 'not_found' } });
    });

    it('given a department the plan does not know, when reassigned to it, then the problem names toDepartmentId and the closest known id', async () => {
      await draft();
      await issue();
      expect(await (await handler()).execute(new AssignmentActionCommand(assignment, 'reassign', { toDepartmentId: 'school-b', reason: 'moved' }, asPlanner))).toEqual({
        ok: false, rejection: { kind: 'invalid', problems: [{ field: 'toDepartmentId', message: expect.stringContaining('did you mean "school-a"?') }] },
      });
    });

    it('given a submission referencing a file never uploaded, when submitted, then the problem names the attachment\'s sha256 field', async () => {
      await draft();
      await issue();
      const attachments = [{ name: 'report.pdf', sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf' }];
      expect(await (await handler()).execute(new AssignmentActionCommand(assignment, 'submit', { note: 'done', attachments } as never, asHead))).toEqual({
        ok: false, rejection: { kind: 'invalid', problems: [{ field: 'attachments[0].sha256', message: expect.stringContaining('upload it first') }] },
      });
    });
  });

  describe('a query handler answers the same way', () => {
    it('given no plan, its history is not_found; given a draft, the history holds its event', async () => {
      const handler = new GetPlanHistoryHandler({ store, database: store.database, kind: 'pglite', close: () => store.close() });
      expect(await handler.execute(new GetPlanHistoryQuery(PLAN_ID))).toEqual({ ok: false, rejection: { kind: 'not_found', message: `plan ${PLAN_ID} not found` } });
      await draft();
      expect(await handler.execute(new GetPlanHistoryQuery(PLAN_ID))).toMatchObject({ ok: true, value: { planId: PLAN_ID, events: [{ type: 'PlanDrafted' }] } });
    });
  });
});
