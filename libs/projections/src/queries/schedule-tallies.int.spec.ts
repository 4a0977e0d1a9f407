import type { PlanSchedule } from '@planledger/domain';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { PlanDriver } from '../testing/plan-driver';
import { PLAN_ID, smallSchedule } from '../testing/small-plan';
import { openPgliteTestStorage, type TestStorage } from '../testing/test-storage';
import { readScheduleTallies } from './schedule-tallies.queries';

/*
 * The schedule is counted when the plans projection writes it (read_schedule_tallies, read-model
 * migration 7), not at the first read. Oracle: the obligations counted here, in TypeScript.
 */
const source = { fileName: 'tallies.yaml', format: 'yaml' as const, text: 'plan: …' };

function countedHere(schedule: PlanSchedule) {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: schedule.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cells = new Map<string, number>();
  const days = new Map<string, number>();
  for (const o of schedule.obligations) {
    const cell = JSON.stringify([o.departmentId, o.measureId, o.phaseId ?? null]);
    const day = JSON.stringify([dayOf.format(new Date(o.dueAt)), o.measureId, o.phaseId ?? null]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    byCell: sorted([...cells].map(([key, count]) => { const [departmentId, measureId, phaseId] = JSON.parse(key); return { departmentId, measureId, phaseId, count }; })),
    byDay: sorted([...days].map(([key, count]) => { const [day, measureId, phaseId] = JSON.parse(key); return { day, measureId, phaseId, count }; })),
  };
}

describe('read_schedule_tallies (PGlite)', () => {
  let storage: TestStorage;
  let driver: PlanDriver;
  const read = async () => {
    const tallies = (await readScheduleTallies(storage.database, PLAN_ID))!;
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return { byCell: sorted(tallies.byCell), byDay: sorted(tallies.byDay) };
  };

  beforeAll(async () => {
    storage = await openPgliteTestStorage();
    driver = new PlanDriver(storage.store, storage.database);
    await driver.runner.start();
  });
  afterAll(async () => {
    await driver?.runner.stop();
    await storage?.close();
  });

  it('counts the drafted schedule, counts it again when the draft is revised (nothing left of the old one), and a rebuild gives the same rows', async () => {
    const first = smallSchedule();
    await driver.plan('DraftPlan', { schedule: first, source }, '2022-01-10T00:00:00.000Z');
    expect(await read()).toEqual(countedHere(first));
    expect((await read()).byCell.length).toBeGreaterThan(1);

    const revised = smallSchedule({ obligations: first.obligations.slice(1) });
    await driver.plan('ReviseDraft', { schedule: revised, source }, '2022-01-11T00:00:00.000Z');
    expect(await read()).toEqual(countedHere(revised));
    expect(await read()).not.toEqual(countedHere(first));

    await driver.runner.stop();
    const rows = () => storage.database.query<{ row: string }>('select x::text as row from read_schedule_tallies x order by 1');
    const before = await rows();
    await rebuildReadModels({ store: storage.store, database: storage.database });
    expect(await rows()).toEqual(before);
  });
});
