import fc from 'fast-check';
import type { ScheduledTarget } from './scheduled-target';
import { assessTarget, type Measurement } from './target-status';

const threshold: ScheduledTarget = {
  targetId: 'enrolment', metric: '毛入园率', kind: 'threshold', comparison: '>=', unit: '%',
  milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 97 }, { period: '2024', value: 99 }], unitIds: [],
};
const kinds: Record<string, ScheduledTarget> = {
  threshold,
  passFail: { ...threshold, targetId: 'eval', kind: 'pass-fail', comparison: undefined, unit: '', milestones: [{ period: '2024', value: true }] },
  grade: { ...threshold, targetId: 'grade', kind: 'grade', comparison: undefined, unit: '', levels: ['合格', '良好', '优秀'], milestones: [{ period: '2023', value: '良好' }, { period: '2024', value: '优秀' }] },
  ratio: { ...threshold, targetId: 'quality', kind: 'ratio', comparison: undefined, unit: '所', baseline: { period: '2021', value: 10 }, milestones: [{ period: '2024', value: 2 }] },
  cumulative: { ...threshold, targetId: 'places', kind: 'cumulative', comparison: undefined, unit: '个', milestones: [{ period: '2024', value: 3000 }] },
  rising: { ...threshold, targetId: 'rate', kind: 'rising', comparison: undefined, unit: '%', baseline: { period: '2021', value: 90 }, direction: 'up', milestones: [{ period: '2024', value: 0 }] },
  held: { ...threshold, targetId: 'safety', kind: 'held', comparison: undefined, unit: '起', milestones: [{ period: '2024', value: 0 }] },
};
const m = (period: string, value: Measurement['value']): Measurement => ({ period, value });

describe('assessTarget: each kind met, at risk and missed', () => {
  it.each([
    ['threshold', [m('2022', 96), m('2023', 98)], 'on-track'],
    ['threshold', [m('2022', 96), m('2023', 96.5)], 'at-risk'],
    ['threshold', [m('2022', 94)], 'at-risk'],
    ['threshold', [m('2024', 99.2)], 'met'],
    ['threshold', [m('2024', 98)], 'missed'],
    ['passFail', [m('2023', false)], 'at-risk'],
    ['passFail', [m('2024', true)], 'met'],
    ['passFail', [m('2024', false)], 'missed'],
    ['grade', [m('2023', '合格')], 'at-risk'],
    ['grade', [m('2023', '良好')], 'at-risk'],
    ['grade', [m('2023', '优秀')], 'on-track'],
    ['grade', [m('2024', '优秀')], 'met'],
    ['grade', [m('2024', '良好')], 'missed'],
    ['ratio', [m('2022', 14)], 'on-track'],
    ['ratio', [m('2022', 11)], 'at-risk'],
    ['ratio', [m('2024', 20)], 'met'],
    ['ratio', [m('2024', 19)], 'missed'],
    ['cumulative', [m('2022', 1000)], 'on-track'],
    ['cumulative', [m('2022', 600)], 'at-risk'],
    ['cumulative', [m('2022', 1000), m('2023', 1000), m('2024', 1000)], 'met'],
    ['cumulative', [m('2022', 1000), m('2023', 900), m('2024', 900)], 'missed'],
    ['rising', [m('2022', 91), m('2023', 92)], 'on-track'],
    ['rising', [m('2022', 91), m('2023', 91)], 'missed'],
    ['rising', [m('2022', 91), m('2023', 92), m('2024', 93)], 'met'],
    ['held', [m('2022', 0)], 'on-track'],
    ['held', [m('2022', 0), m('2023', 1)], 'missed'],
    ['held', [m('2022', 0), m('2023', 0), m('2024', 0)], 'met'],
  ])('%s %j → %s', (kind, series, status) => {
    expect(assessTarget(kinds[kind], series as Measurement[])?.status).toBe(status);
  });
  it('a later value for the same period replaces the earlier (a correction)', () => {
    expect(assessTarget(threshold, [m('2024', 90), m('2024', 99.5)])?.status).toBe('met');
  });
  it('nothing measured: no status', () => {
    expect(assessTarget(threshold, [])).toBeUndefined();
  });
});

describe('assessTarget: invariants of the rule', () => {
  const period = fc.constantFrom('2022', '2023', '2024');
  const series = fc.array(fc.record({ period, value: fc.double({ min: 0, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 6 });
  it('met and missed only once the final period is measured; on track and at risk only before', () => {
    fc.assert(fc.property(fc.constantFrom('threshold', 'ratio', 'cumulative', 'rising', 'held'), series, (kind, values) => {
      const status = assessTarget(kinds[kind], values)?.status;
      const reachedFinal = values.some((v) => v.period === '2024');
      if (status === 'met') expect(reachedFinal).toBe(true);
      if (!reachedFinal && kind !== 'rising' && kind !== 'held') expect(['on-track', 'at-risk']).toContain(status);
    }));
  });
  it('a higher final value never turns "met" into "missed" for an at-least threshold', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (value, more) => {
      const before = assessTarget(threshold, [m('2024', value)])?.status;
      const after = assessTarget(threshold, [m('2024', value + more)])?.status;
      if (before === 'met') expect(after).toBe('met');
    }));
  });
  it('"held" is missed exactly when some period is above what is allowed', () => {
    fc.assert(fc.property(fc.array(fc.record({ period, value: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 5 }), (values) => {
      const latest = new Map(values.map((v) => [v.period, v.value]));
      const breached = [...latest.values()].some((v) => v > 0);
      expect(assessTarget(kinds.held, values)?.status === 'missed').toBe(breached);
    }));
  });
  it('the status is the same whatever order the periods were recorded in (corrections aside)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.record({ period, value: fc.double({ min: 0, max: 100, noNaN: true }) }), { selector: (v) => v.period, minLength: 1 }), (values) => {
      expect(assessTarget(threshold, [...values].reverse())?.status).toBe(assessTarget(threshold, values)?.status);
    }));
  });
});
