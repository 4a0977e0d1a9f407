/**
 * A planner closing a phase through its CommandResult handler, without HTTP: real PGlite (ADR 0019).
 * Closing an open phase answers the undated phases that open after it; a phase that is not open
 * is refused with a message that says why (waiting for the phase before it, already closed).
 */
import { PLAN_ID, meta, planner, schedule, scheduledPhase } from '@planledger/domain/testing';
import { CommandExecutor, ManualClock } from '@planledger/engine';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { CommandContext } from '../commands/command-context';
import { ClosePhaseHandler } from './close-phase.handler';
import { ClosePhaseCommand } from './plan.commands';

const plan = { aggregate: 'plan', planId: PLAN_ID } as const;
const source = { fileName: 'p.yaml', format: 'yaml' as const, text: '' };
const asPlanner: CommandContext = { actor: planner, correlationId: 'c-planner' };
const NOW = new Date('2022-03-10T02:00:00.000Z');
const mobilise = scheduledPhase();
const check = scheduledPhase({ phaseId: 'check', name: '自查阶段', order: 2, opensAt: mobilise.opensAt, closesAt: '2024-08-31T15:59:59.999Z', opensAfter: 'mobilise' });
const S = schedule({ phases: [mobilise, check] });

describe('ClosePhaseHandler', () => {
  let store: Awaited<ReturnType<typeof openFreshPgliteStore>>;
  let executor: CommandExecutor;
  let handler: ClosePhaseHandler;
  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
    handler = new ClosePhaseHandler(executor, new ManualClock(NOW));
    await executor.execute(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: S, source }, metadata: meta('2022-01-10T00:00:00.000Z', planner) });
    await executor.execute(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta('2022-01-15T00:00:00.000Z', planner) });
    for (const phase of S.phases) {
      await executor.execute({ aggregate: 'phase', planId: PLAN_ID, phaseId: phase.phaseId }, { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: phase.phaseId, phase }, metadata: meta('2022-01-15T00:00:00.000Z', planner) });
    }
    await executor.execute({ aggregate: 'phase', planId: PLAN_ID, phaseId: 'mobilise' }, { type: 'OpenPhase', data: { planId: PLAN_ID, phaseId: 'mobilise' }, metadata: meta(mobilise.opensAt, planner) });
  });
  afterEach(() => store.close());

  it('given an open phase, when a planner closes it, then it is closed now and the undated phase after it is named', async () => {
    expect(await handler.execute(new ClosePhaseCommand(PLAN_ID, 'mobilise', asPlanner))).toEqual({
      ok: true, value: { planId: PLAN_ID, phaseId: 'mobilise', status: 'closed', at: NOW.toISOString(), opensNext: ['check'] },
    });
  });

  it('refuses an undated phase still waiting, saying for which phase', async () => {
    expect(await handler.execute(new ClosePhaseCommand(PLAN_ID, 'check', asPlanner))).toMatchObject({
      ok: false, rejection: { kind: 'refused', status: 'scheduled', message: 'phase check is not open: it is waiting for phase mobilise to close' },
    });
  });

  it('refuses a phase already closed, and answers not_found for a phase the plan does not have', async () => {
    await handler.execute(new ClosePhaseCommand(PLAN_ID, 'mobilise', asPlanner));
    expect(await handler.execute(new ClosePhaseCommand(PLAN_ID, 'mobilise', { ...asPlanner, correlationId: 'c-2' }))).toMatchObject({
      ok: false, rejection: { kind: 'refused', status: 'closed', message: 'phase mobilise is not open: it is already closed' },
    });
    expect(await handler.execute(new ClosePhaseCommand(PLAN_ID, 'nowhere', asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'not_found', message: expect.stringContaining('has no phase nowhere (it has: mobilise, check)') } });
  });
});
