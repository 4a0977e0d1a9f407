import fc from 'fast-check';
import { CommandExecutor } from '@planledger/engine';
import type { Actor } from '@planledger/domain';
import type { EventStore, SqlExecutor, StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { eventTimeMs, type AsOf, type AsOfBasis } from '../as-of/as-of';
import { loadDepartmentPlanEvents, PlanStreamCache } from '../loading/department-plan-events';
import { loadPlanEvents } from '../loading/plan-events';
import { runLianyunThroughEngine } from '../testing/lianyun-through-engine';
import { replayPlanAsOf, type PlanAsOf } from './plan-as-of';

/*
 * GET /plans/{id}?department=&asOf= replays only the department's work (ADR 0012). Oracle: the
 * full replay of every event of the plan, cut to that department. Lianyun has many departments;
 * on top of the engine's run, one assignment is reassigned to another school (which then submits
 * it), so a department's work includes a stream named after another department, and the one it
 * came from must no longer show it.
 */
const PLAN = 'lianyun-dept-asof';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a department’s work as of a moment, from its own streams only (PGlite)', () => {
  let store: EventStore & { database: SqlExecutor };
  let all: StoredEvent[];
  let departments: string[];
  let moved: { assignmentId: string; from: string; to: string };
  let executor: CommandExecutor;
  /** Kept across every comparison, as the service keeps it across requests. */
  const planStreams = new PlanStreamCache();

  beforeAll(async () => {
    store = (await openFreshPgliteStore()) as EventStore & { database: SqlExecutor };
    executor = new CommandExecutor(store);
    const issued = await runLianyunThroughEngine(executor, PLAN, { rebase: '2031-09-01', timers: 40, acknowledged: 3 });
    const loaded = (await loadPlanEvents(store, PLAN))!;
    all = loaded.events;
    // Two assignments of different departments: the second's department takes over the first's work.
    const held = await Promise.all(issued.map(async (assignmentId) => ({ assignmentId, departmentId: (await executor.load({ aggregate: 'assignment', planId: PLAN, assignmentId })).state.departmentId })));
    const first = held[0];
    const other = held.find((h) => h.departmentId !== first.departmentId)!;
    moved = { assignmentId: first.assignmentId, from: first.departmentId, to: other.departmentId };
    const at = new Date(Math.max(...all.map((e) => eventTimeMs(e, 'business'))) + 86_400_000).toISOString();
    const head = (departmentId: string): Actor => ({ userId: `head-of-${departmentId}`, role: 'department_head', departmentId });
    const target = { aggregate: 'assignment' as const, planId: PLAN, assignmentId: moved.assignmentId };
    await sleep(5);
    const reassigned = await executor.execute(target, { type: 'ReassignAssignment', data: { assignmentId: moved.assignmentId, toDepartmentId: moved.to, reason: '转交' }, metadata: { actor: head(moved.from), at } });
    if (!reassigned.ok) throw new Error(`ReassignAssignment: ${reassigned.error.message}`);
    await sleep(5);
    const later = new Date(Date.parse(at) + 86_400_000).toISOString();
    const submitted = await executor.execute(target, { type: 'SubmitAssignment', data: { assignmentId: moved.assignmentId, note: '已完成' }, metadata: { actor: head(moved.to), at: later } });
    if (!submitted.ok) throw new Error(`SubmitAssignment: ${submitted.error.message}`);
    all = (await loadPlanEvents(store, PLAN))!.events;
    const schedule = (all[0].data as { schedule: { departments: { id: string }[] } }).schedule;
    departments = [...schedule.departments.map((d) => d.id), 'no-such-department'];
  }, 120_000);
  afterAll(() => store?.close());

  /** The full replay's answer for one department: its assignments, its progress, the plan and phases as they stood. */
  function cut(full: PlanAsOf, departmentId: string) {
    const entry = full.byDepartment.filter((d) => d.departmentId === departmentId);
    return { assignments: full.assignments.filter((a) => a.departmentId === departmentId), byDepartment: entry, progress: entry[0]?.progress };
  }

  async function expectSameAsFullReplay(departmentId: string, asOf: AsOf): Promise<void> {
    const full = replayPlanAsOf(PLAN, all, asOf);
    const own = (await loadDepartmentPlanEvents(store.database, PLAN, departmentId, planStreams))!;
    const scoped = replayPlanAsOf(PLAN, own.events, asOf, { departmentId });
    if (!full) return expect(scoped).toBeUndefined();
    const expected = cut(full, departmentId);
    expect(scoped!.assignments).toEqual(expected.assignments);
    expect(scoped!.byDepartment).toEqual(expected.byDepartment);
    const { progress: ownProgress, ...plan } = scoped!.plan;
    const { progress: _all, ...fullPlan } = full.plan;
    expect(plan).toEqual(fullPlan);
    if (expected.progress) expect(ownProgress).toEqual(expected.progress);
    else expect(ownProgress.total).toBe(0);
    expect(scoped!.phases.map(({ progress: _p, ...phase }) => phase)).toEqual(full.phases.map(({ progress: _p, ...phase }) => phase));
    expect(scoped!.asOf.departmentId).toBe(departmentId);
    expect(own.events.length).toBeLessThan(all.length);
  }

  const moments = (basis: AsOfBasis): number[] => [...new Set(all.map((e) => eventTimeMs(e, basis)))].sort((a, b) => a - b);
  const asOfAt = (ms: number, basis: AsOfBasis): AsOf => ({ instant: new Date(ms).toISOString(), basis, requested: String(ms) });

  it('reads only the department’s streams, yet shows the reassigned work where it went and not where it came from', async () => {
    const now = asOfAt(Date.now() + 1000, 'recorded');
    const to = replayPlanAsOf(PLAN, (await loadDepartmentPlanEvents(store.database, PLAN, moved.to))!.events, now, { departmentId: moved.to })!;
    const from = replayPlanAsOf(PLAN, (await loadDepartmentPlanEvents(store.database, PLAN, moved.from))!.events, now, { departmentId: moved.from })!;
    expect(to.assignments.find((a) => a.assignmentId === moved.assignmentId)).toMatchObject({ departmentId: moved.to, status: 'submitted' });
    expect(from.assignments.some((a) => a.assignmentId === moved.assignmentId)).toBe(false);
    for (const departmentId of [moved.from, moved.to]) await expectSameAsFullReplay(departmentId, now);
  });

  it('equals the full replay for every department at every recorded moment of the plan, and by business time', async () => {
    const recorded = moments('recorded');
    const business = moments('business');
    const picks = (list: number[]) => [list[0] - 1, ...list.filter((_, i) => i % Math.ceil(list.length / 6) === 0), list.at(-1)!, list.at(-1)! + 1];
    expect(departments.length).toBeGreaterThan(3);
    for (const departmentId of departments) {
      for (const ms of picks(recorded)) await expectSameAsFullReplay(departmentId, asOfAt(ms, 'recorded'));
      for (const ms of picks(business)) await expectSameAsFullReplay(departmentId, asOfAt(ms, 'business'));
    }
  }, 120_000);

  it('equals the full replay for any department, instant and basis (property)', async () => {
    const recorded = moments('recorded');
    const business = moments('business');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...departments),
        fc.constantFrom<AsOfBasis>('recorded', 'business'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (departmentId, basis, share) => {
          const list = basis === 'recorded' ? recorded : business;
          const ms = Math.round(list[0] - 10 + share * (list.at(-1)! - list[0] + 20));
          await expectSameAsFullReplay(departmentId, asOfAt(ms, basis));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a kept plan stream follows what is appended to it: the next read has the new events, the same as a fresh read', async () => {
    const planEvents = async () => (await loadPlanEvents(store, PLAN))!.events.filter((e) => e.stream === `plan-${PLAN}`);
    const before = await planStreams.read(store.database, PLAN);
    expect(before.map((e) => e.hash)).toEqual((await planEvents()).map((e) => e.hash));
    const at = new Date(Math.max(...all.map((e) => eventTimeMs(e, 'business'))) + 3 * 86_400_000).toISOString();
    const closed = await executor.execute({ aggregate: 'plan', planId: PLAN }, { type: 'ClosePlan', data: { planId: PLAN, reason: '提前结束' }, metadata: { actor: { userId: 'wang.office', role: 'planner', departmentId: 'lianyun-bureau' }, at } });
    if (!closed.ok) throw new Error(`ClosePlan: ${closed.error.message}`);
    const after = await planStreams.read(store.database, PLAN);
    expect(after.map((e) => e.hash)).toEqual((await planEvents()).map((e) => e.hash));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.type).toBe('PlanClosed');
    all = (await loadPlanEvents(store, PLAN))!.events;
    await expectSameAsFullReplay(moved.to, asOfAt(Date.now() + 1000, 'recorded'));
  });
});
