/**
 * Recording an outside event through its CommandResult handler, without HTTP: real PGlite.
 * The answer names the occurrence; refusals come back as values naming the field (ADR 0015).
 */
import { streamOf } from '@planledger/domain';
import { PLAN_ID, meta, planner, schedule } from '@planledger/domain/testing';
import { CommandExecutor, ManualClock } from '@planledger/engine';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { CommandContext } from '../commands/command-context';
import { RecordOutsideEventCommand } from './plan.commands';
import { RecordOutsideEventHandler } from './record-outside-event.handler';

const plan = { aggregate: 'plan', planId: PLAN_ID } as const;
const source = { fileName: 'p.yaml', format: 'yaml' as const, text: '' };
const asPlanner: CommandContext = { actor: planner, correlationId: 'c-planner' };
const NOW = new Date('2022-04-20T01:00:00.000Z');
const withEvents = schedule({
  outsideEvents: [
    { eventId: 'visit', name: '省督导评估组迎检', recurring: false, inspection: false },
    { eventId: 'spot', name: '暗访', recurring: true, inspection: true },
  ],
});

describe('RecordOutsideEventHandler', () => {
  let store: Awaited<ReturnType<typeof openFreshPgliteStore>>;
  let executor: CommandExecutor;
  let handler: RecordOutsideEventHandler;
  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
    handler = new RecordOutsideEventHandler(executor, new ManualClock(NOW));
    await executor.execute(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: withEvents, source }, metadata: meta('2021-06-01T00:00:00.000Z', planner) });
    await executor.execute(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta('2021-06-01T00:00:00.000Z', planner) });
  });
  afterEach(() => store.close());

  it('given a published plan naming the visit, when its date is recorded, then occurrence 1 is answered and stored with the end of that day in the plan zone', async () => {
    expect(await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'visit', date: '2022-05-20' }, asPlanner))).toEqual({
      ok: true, value: { planId: PLAN_ID, eventId: 'visit', occurrence: 1, date: '2022-05-20', at: NOW.toISOString() },
    });
    const events = [];
    for await (const stored of store.readStream(streamOf(plan))) events.push(stored);
    const recorded = events.find((e) => e.type === 'OutsideEventRecorded');
    expect(recorded?.data).toMatchObject({ eventId: 'visit', date: '2022-05-20', dayClosesAt: '2022-05-20T23:59:59.999+08:00', units: [], note: '' });
  });

  it('refuses, as values naming the field, an event the plan does not name, a date that is no date, and an inspection without units', async () => {
    expect(await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'festival', date: '2022-05-20' }, asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'eventId' }] } });
    expect(await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'visit', date: '2022-02-30' }, asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'date' }] } });
    expect(await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'spot', date: '2022-05-20' }, asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'units' }] } });
  });

  it('given the visit recorded, when recorded again, then it is refused: a once-only event is amended, not recorded twice', async () => {
    await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'visit', date: '2022-05-20' }, asPlanner));
    expect(await handler.execute(new RecordOutsideEventCommand(PLAN_ID, { eventId: 'visit', date: '2022-05-27' }, asPlanner))).toMatchObject({ ok: false, rejection: { kind: 'invalid', problems: [{ field: 'eventId' }] } });
  });
});
