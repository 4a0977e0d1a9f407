import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timersForSchedule, type PlanSchedule, type Timer } from '@planledger/domain';
import { ManualClock, preparePlan } from '@planledger/engine';
import { firings, insertPendingTimers, openTimersTestDatabase, type TimersTestDatabase } from '../testing/timers-test-kit';
import { TimerProcessor } from './timer-processor';

/** ADR 0026 through the service's processor and the real executor: a plan-aggregate timer judges the periods that ended. */
describe('TimerProcessor: a target period ends (PGlite)', () => {
  let db: TimersTestDatabase;
  let schedule: PlanSchedule;
  let periodEnds: Timer[];
  let processor: TimerProcessor;
  const planner = { userId: 'planner', role: 'planner' as const };

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    const text = readFileSync(join(__dirname, '../../../../workflows/examples/targets.yaml'), 'utf8');
    const prepared = preparePlan({ text, fileName: 'targets.yaml', planId: 'period-end-test' });
    if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join('; '));
    schedule = prepared.schedule;
    const plan = { aggregate: 'plan' as const, planId: schedule.planId };
    const at = '2022-08-29T09:00:00.000+08:00';
    for (const command of [
      { type: 'DraftPlan' as const, data: { planId: schedule.planId, schedule, source: { fileName: 'targets.yaml', format: 'yaml' as const, text } }, metadata: { actor: planner, at } },
      { type: 'PublishPlan' as const, data: { planId: schedule.planId }, metadata: { actor: planner, at } },
    ]) {
      const result = await db.executor.execute(plan, command);
      if (!result.ok) throw new Error(result.error.message);
    }
    periodEnds = timersForSchedule(schedule).filter((t) => t.kind === 'target-period-end');
    await insertPendingTimers(db.database, periodEnds, at);
    processor = new TimerProcessor({ database: db.database, executor: db.executor, clock: new ManualClock(new Date('2023-01-01T00:00:01.000+08:00')) });
  });
  afterAll(() => db.close());

  it('fires on the plan stream: every series without a 2022 value is at risk at local midnight of 1 January 2023', async () => {
    const end2022 = periodEnds.find((t) => Date.parse(t.dueAt) === Date.parse('2023-01-01T00:00:00.000+08:00'))!;
    expect(end2022.target).toEqual({ aggregate: 'plan', planId: schedule.planId });
    expect(await processor.process(end2022.timerId)).toBe('accepted');
    const judged = (await db.eventsOf(`plan-${schedule.planId}`)).filter((e) => e.type === 'TargetStatusChanged');
    expect(judged.every((e) => e.metadata.causationId === end2022.timerId && e.metadata.businessTime === end2022.dueAt)).toBe(true);
    expect(judged.map((e) => { const d = e.data as { targetId: string; unitId: string | null; status: string; reason: string }; return `${d.targetId}@${d.unitId ?? '*'} ${d.status}: ${d.reason}`; })).toEqual([
      'enrolment@* at-risk: no value was reported for 2022',
      'myopia@school-a at-risk: no value was reported for 2022',
      'myopia@school-b at-risk: no value was reported for 2022',
      'new-places@* at-risk: no value was reported for 2022',
      'safety@school-a at-risk: no value was reported for 2022',
      'safety@school-b at-risk: no value was reported for 2022',
      'evaluation@* at-risk: no value was reported for 2022',
      'park-grade@kindergarten-a at-risk: no value was reported for 2022',
    ]);
    expect(await firings(db.database)).toEqual([{ timer_id: end2022.timerId, outcome: 'accepted' }]);
  });

  it('on a closed plan the next period end decides nothing', async () => {
    const closed = await db.executor.execute({ aggregate: 'plan', planId: schedule.planId }, { type: 'ClosePlan', data: { planId: schedule.planId, reason: '提前结束' }, metadata: { actor: planner, at: '2023-06-30T00:00:00.000+08:00' } });
    expect(closed.ok).toBe(true);
    const end2023 = periodEnds.find((t) => Date.parse(t.dueAt) === Date.parse('2024-01-01T00:00:00.000+08:00'))!;
    expect(await processor.process(end2023.timerId)).toBe('nothing_to_do');
  });
});
