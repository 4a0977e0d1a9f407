import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import type { BulletinTimetable } from '@planledger/domain';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { knownHistory } from '../testing/known-history';
import { readIssuedBulletins } from './issue-bulletin';
import { dueBulletinSlots, issueScheduledBulletins } from './scheduled-bulletins';

/*
 * The known history (due date 2022-03-05) with a hand-written timetable: a weekly bulletin on
 * Monday 2022-03-07 (the week 02-28 … 03-06), one on Monday 03-14, and the mobilisation phase's at
 * its end (2022-04-01T00:00Z).
 */
const timetable: BulletinTimetable = {
  weekly: 'mon', phaseEnd: true,
  slots: [
    { slotId: 'weekly.2022-03-07', dueAt: '2022-03-07T00:00:00.000+08:00', period: { kind: 'window', from: '2022-02-28', to: '2022-03-06' } },
    { slotId: 'weekly.2022-03-14', dueAt: '2022-03-14T00:00:00.000+08:00', period: { kind: 'window', from: '2022-03-07', to: '2022-03-13' } },
    { slotId: 'phase.mobilise', dueAt: '2022-04-01T00:00:00.000Z', period: { kind: 'phase', phaseId: 'mobilise' } },
  ],
};

describe('scheduled bulletins (PGlite)', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  const filesDir = mkdtempSync(join(tmpdir(), 'planledger-scheduled-bulletins-'));

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    for (const { target, command } of knownHistory({ bulletins: timetable }).steps) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  it('given the clock at 2022-03-10, then only the first weekly slot is due', () => {
    expect(dueBulletinSlots(loaded, [], Date.parse(day(5))).map((s) => s.slotId)).toEqual(['weekly.2022-03-07']);
  });

  it('when the worker runs at 2022-04-05, then every due slot is issued once, each as of its own instant, numbered in order', async () => {
    const issued = await issueScheduledBulletins(loaded, { store, filesDir, now: new Date(day(31)) });
    expect(issued.map((b) => [b.number, b.period, b.asOf.requested, b.issuedBy])).toEqual([
      ['連區教督〔2022〕1号', { kind: 'window', from: '2022-02-28', to: '2022-03-06' }, '2022-03-07T00:00:00.000+08:00', 'system-timer'],
      ['連區教督〔2022〕2号', { kind: 'window', from: '2022-03-07', to: '2022-03-13' }, '2022-03-14T00:00:00.000+08:00', 'system-timer'],
      ['連區教督〔2022〕3号', { kind: 'phase', phaseId: 'mobilise' }, '2022-04-01T00:00:00.000Z', 'system-timer'],
    ]);
    // The first week's bulletin, as of 03-07 00:00 in Shanghai (03-06T16:00Z), counts the five pieces due 03-05: m1, m5, m6
    // accepted; m3 never submitted and m2 returned (resubmitted only at 03-07T00:00Z) are both overdue.
    expect(issued[0].figures).toMatchObject({ issued: 5, accepted: 3, overdueNow: 2 });
    // Run again (a second sweep, a restart): nothing more.
    expect(await issueScheduledBulletins(loaded, { store, filesDir, now: new Date(day(31)) })).toEqual([]);
    expect((await readIssuedBulletins(store, PLAN_ID)).bulletins).toHaveLength(3);
  });

  it('when two sweeps run at the same moment, then each slot is still issued once', async () => {
    // A fresh store: the plan with the timetable, nothing issued yet.
    const raced = await openFreshPgliteStore();
    try {
      const executor = new CommandExecutor(raced);
      for (const { target, command } of knownHistory({ bulletins: timetable }).steps) await executor.execute(target, command);
      const events = (await loadPlanEvents(raced, PLAN_ID))!;
      const sweep = () => issueScheduledBulletins(events, { store: raced, filesDir, now: new Date(day(31)) });
      const [first, second] = await Promise.all([sweep(), sweep()]);
      const record = (await readIssuedBulletins(raced, PLAN_ID)).bulletins;
      expect(record.map((b) => b.asOf.requested).sort()).toEqual(timetable.slots.map((s) => s.dueAt).sort());
      expect(first.length + second.length).toBe(3);
      expect(new Set(record.map((b) => b.number)).size).toBe(3);
    } finally {
      await raced.close();
    }
  }, 120_000);
});
