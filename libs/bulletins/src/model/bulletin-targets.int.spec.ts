import { loadPlanEvents } from '@planledger/audit';
import type { ScheduledTarget } from '@planledger/domain';
import { PLAN_ID, meta, planner, schedule } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { layoutBulletin, tablesOf } from '../render/bulletin-layout';
import { buildBulletinModel, sectionOf } from './bulletin-model';

/**
 * The bulletin's targets section (ADR 0023) on a small recorded history: two targets, values
 * recorded by a planner in 2022 and 2023; a bulletin as of mid-2023 knows only the 2022 values.
 */
describe('bulletin model: targets section', () => {
  let store: EventStore;
  const targets: ScheduledTarget[] = [
    { targetId: 'quality', metric: '优质幼儿园数量', kind: 'ratio', unit: '所', baseline: { period: '2021', value: 6 }, milestones: [{ period: '2023', value: 2 }], unitIds: [] },
    { targetId: 'safety', metric: '校园安全责任事故', kind: 'held', unit: '起', milestones: [{ period: '2023', value: 0 }], unitIds: ['school-a'] },
  ];
  const plan = { aggregate: 'plan', planId: PLAN_ID } as const;
  const measure = (targetId: string, unitId: string | null, period: string, value: number, at: string) =>
    ({ type: 'RecordMeasurement', data: { planId: PLAN_ID, targetId, unitId, period, value }, metadata: meta(at, planner) }) as const;

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    const steps = [
      { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: schedule({ targets }), source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, metadata: meta('2021-06-01T00:00:00.000Z', planner) },
      { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta('2021-06-01T00:00:00.000Z', planner) },
      measure('quality', null, '2022', 9, '2022-12-30T02:00:00.000Z'),
      measure('safety', 'school-a', '2022', 0, '2022-12-30T02:00:00.000Z'),
      measure('quality', null, '2023', 11, '2023-12-30T02:00:00.000Z'),
      measure('safety', 'school-a', '2023', 1, '2023-12-30T02:00:00.000Z'),
    ] as const;
    for (const command of steps) {
      const result = await executor.execute(plan, command as never);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
  }, 120_000);
  afterAll(() => store?.close());

  const modelAsOf = async (instant: string) => buildBulletinModel(PLAN_ID, (await loadPlanEvents(store, PLAN_ID))!.events, { instant, basis: 'business', requested: instant });

  it('as of mid-2023, the section holds only the 2022 values and the statuses they gave', async () => {
    const rows = sectionOf(await modelAsOf('2023-06-30T00:00:00.000Z'), 'targets')!.rows;
    expect(rows.map((r) => [r.targetId, r.unitName, r.status, r.measurements.map((m) => m.value)])).toEqual([
      ['quality', null, 'on-track', [9]],
      ['safety', '甲小学', 'on-track', [0]],
    ]);
  });

  it('at the end, 11 of 12 quality kindergartens is missed and one incident misses "zero incidents"; the document has the table', async () => {
    const model = await modelAsOf('2024-01-31T00:00:00.000Z');
    expect(sectionOf(model, 'targets')!.rows.map((r) => r.status)).toEqual(['missed', 'missed']);
    const layout = layoutBulletin(model, { issuer: '区教育局', number: '示例〔2024〕1号', title: '通报', issuedOn: '2024-01-31', addressee: '各学校' });
    const table = tablesOf(layout).find((t) => t.sheet === '目标')!;
    expect(table.rows).toEqual([
      [1, '优质幼儿园数量', '全局', '2023:基准的2倍(12所)', '2022:9所;2023:11所', '未达成'],
      [2, '校园安全责任事故', '甲小学', '2023:0起', '2022:0起;2023:1起', '未达成'],
    ]);
  });
});
