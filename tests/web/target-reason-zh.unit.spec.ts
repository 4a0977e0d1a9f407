// The web app has no jest set-up of its own; this pure module (no imports) is tested from here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { targetReasonZh, type TargetSeriesFacts } from '../../apps/web/src/i18n/target-reason-zh';

/*
 * The plan page explains a target's status in Chinese from the series itself (the engine's reason
 * is English): the cases of workflows/examples/targets.yaml, one per kind and status.
 */
const threshold = (over: Partial<TargetSeriesFacts>): TargetSeriesFacts => ({
  kind: 'threshold', unit: '%', comparison: '>=', milestones: [{ period: '2023', value: 88 }, { period: '2024', value: 90 }], measurements: [], status: null, ...over,
});

describe('targetReasonZh', () => {
  it('before any value, says nothing', () => {
    expect(targetReasonZh(threshold({}))).toBe('');
  });
  it('a threshold below its own milestone is at risk; on track by the trend; met and missed against the final milestone', () => {
    expect(targetReasonZh(threshold({ status: 'at-risk', measurements: [{ period: '2023', value: 86 }] }))).toBe('2023年度86%，低于该年度节点目标（不低于88%），存在风险');
    expect(targetReasonZh(threshold({ status: 'on-track', measurements: [{ period: '2023', value: 88.5 }] }))).toBe('2023年度88.5%，按目前进度可达到2024年度节点目标（不低于90%）');
    expect(targetReasonZh(threshold({ status: 'met', measurements: [{ period: '2023', value: 88.5 }, { period: '2024', value: 91 }] }))).toBe('2024年度91%，达到2024年度目标（不低于90%）');
    expect(targetReasonZh(threshold({ status: 'missed', measurements: [{ period: '2024', value: 89 }] }))).toBe('2024年度89%，未达到2024年度目标（不低于90%）');
  });
  it('missed with no value for the final period: says it was never reported', () => {
    expect(targetReasonZh(threshold({ status: 'missed', measurements: [{ period: '2023', value: 88.5 }] }))).toBe('2024年度未报送数值，计划结束时判定为未达成');
    expect(targetReasonZh({ kind: 'rising', unit: '%', direction: 'down', milestones: [{ period: '2024', value: 0.5 }], measurements: [], status: 'missed' })).toBe('2024年度未报送数值，计划结束时判定为未达成');
  });
  it('a period that ended without a value (ADR 0026): at risk, or missed by its end or by the plan\'s close, named from the engine\'s reason', () => {
    const held: TargetSeriesFacts = { kind: 'held', unit: '起', milestones: [{ period: '2024', value: 0 }], measurements: [], status: 'at-risk', reason: 'no value was reported for 2022' };
    expect(targetReasonZh(held)).toBe('2022年度未报送数值，存在风险');
    expect(targetReasonZh({ ...held, status: 'missed', reason: 'no value was reported for 2024 by its end' })).toBe('2024年度结束时仍未报送数值，判定为未达成');
    expect(targetReasonZh({ ...held, status: 'missed', reason: "no value was reported for 2024 by the plan's close" })).toBe('2024年度未报送数值，计划结束时判定为未达成');
    expect(targetReasonZh(threshold({ status: 'at-risk', reason: 'no value was reported for 2022-2023' }))).toBe('2022-2023学年未报送数值，存在风险');
    // Without the reason: held, rising and a series with no value are at risk only for want of one.
    expect(targetReasonZh({ ...held, reason: undefined })).toBe('有年度未按期报送数值，存在风险');
    expect(targetReasonZh(threshold({ status: 'at-risk' }))).toBe('有年度未按期报送数值，存在风险');
  });
  it('a value for the unreported period recorded since (the status unchanged) is explained by the values, not the stale reason', () => {
    expect(targetReasonZh(threshold({ status: 'at-risk', reason: 'no value was reported for 2023', measurements: [{ period: '2023', value: 86 }] }))).toBe('2023年度86%，低于该年度节点目标（不低于88%），存在风险');
  });
  it('a ratio names the multiple of its base year; a cumulative target its running total; a school year reads as such', () => {
    const ratio: TargetSeriesFacts = { kind: 'ratio', unit: '所', baseline: { period: '2022', value: 6 }, milestones: [{ period: '2024', value: 2 }], measurements: [{ period: '2023', value: 9 }, { period: '2024', value: 11 }], status: 'missed' };
    expect(targetReasonZh(ratio)).toBe('2024年度11所，未达到2024年度目标（达到2022年的2倍（12所））');
    const places: TargetSeriesFacts = { kind: 'cumulative', unit: '个', milestones: [{ period: '2023-2024', value: 2000 }], measurements: [{ period: '2022-2023', value: 600 }, { period: '2023-2024', value: 1700 }], status: 'met' };
    expect(targetReasonZh(places)).toBe('2023-2024学年累计2300个，达到2023-2024学年目标（累计达到2000个）');
  });
  it('held (zero incidents) names the breach; rising names the year that did not fall', () => {
    expect(targetReasonZh({ kind: 'held', unit: '起', milestones: [{ period: '2024', value: 0 }], measurements: [{ period: '2023', value: 1 }], status: 'missed' })).toBe('2023年度1起，超过允许的0起，判定为未达成');
    expect(targetReasonZh({ kind: 'held', unit: '起', milestones: [{ period: '2024', value: 0 }], measurements: [{ period: '2023', value: 0 }, { period: '2024', value: 0 }], status: 'met' })).toBe('截至2024年度均未超过允许值，目标达成');
    const myopia: TargetSeriesFacts = { kind: 'rising', unit: '%', direction: 'down', milestones: [{ period: '2024', value: 0.5 }], measurements: [{ period: '2022', value: 38.6 }, { period: '2023', value: 38 }, { period: '2024', value: 38.1 }], status: 'missed' };
    expect(targetReasonZh(myopia)).toBe('2024年度38.1%，未比上一年度（38%）下降，判定为未达成');
    expect(targetReasonZh({ ...myopia, measurements: myopia.measurements.slice(0, 2), status: 'on-track' })).toBe('逐年下降至2023年度（38%）');
  });
  it('pass/fail and grade', () => {
    expect(targetReasonZh({ kind: 'pass-fail', unit: '', milestones: [{ period: '2024', value: true }], measurements: [{ period: '2024', value: true }], status: 'met' })).toBe('2024年度通过，达到2024年度目标（通过）');
    expect(targetReasonZh({ kind: 'grade', unit: '', levels: ['三级', '二级', '一级'], milestones: [{ period: '2023', value: '一级' }, { period: '2024', value: '一级' }], measurements: [{ period: '2023', value: '二级' }], status: 'at-risk' }))
      .toBe('2023年度二级，低于该年度节点目标（达到一级），存在风险');
  });
});
