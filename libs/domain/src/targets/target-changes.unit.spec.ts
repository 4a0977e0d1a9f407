import { changedTargetTerms, diffTargets, hasTargetChanges } from './target-changes';
import type { ScheduledTarget } from './scheduled-target';

const enrolment: ScheduledTarget = {
  targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%',
  milestones: [{ period: '2023', value: 88 }, { period: '2024', value: 90 }], unitIds: [], measuredBy: { departmentIds: ['office'], perUnit: false },
};
const myopia: ScheduledTarget = { targetId: 'myopia', metric: '学生近视率', kind: 'rising', direction: 'down', minStep: 0.5, unit: '%', milestones: [{ period: '2024', value: -0.5 }], unitIds: ['school-a', 'school-b'] };

describe('diffTargets', () => {
  it('finds nothing between the same targets, nor when there are none on either side', () => {
    expect(diffTargets([enrolment, myopia], [enrolment, myopia])).toEqual({ addedTargetIds: [], removedTargetIds: [], changed: [] });
    expect(hasTargetChanges(diffTargets(undefined, undefined))).toBe(false);
    expect(hasTargetChanges(undefined)).toBe(false);
  });
  it('names targets added and removed by id', () => {
    expect(diffTargets([enrolment], [myopia])).toEqual({ addedTargetIds: ['myopia'], removedTargetIds: ['enrolment'], changed: [] });
    expect(diffTargets(undefined, [enrolment])).toEqual({ addedTargetIds: ['enrolment'], removedTargetIds: [], changed: [] });
    expect(diffTargets([enrolment], undefined)).toEqual({ addedTargetIds: [], removedTargetIds: ['enrolment'], changed: [] });
  });
  it.each<[string, Partial<ScheduledTarget>, string[]]>([
    ['a raised milestone', { milestones: [{ period: '2023', value: 89 }, { period: '2024', value: 90 }] }, ['milestones']],
    ['a raised target value', { milestones: [{ period: '2023', value: 88 }, { period: '2024', value: 92 }] }, ['value']],
    ['a later end', { milestones: [{ period: '2023', value: 88 }, { period: '2025', value: 90 }] }, ['by']],
    ['another kind', { kind: 'cumulative', comparison: undefined }, ['kind', 'comparison']],
    ['a baseline', { baseline: { period: '2021', value: 80 } }, ['baseline']],
    ['another unit of measure', { unit: '个百分点' }, ['unit']],
    ['units it applies to', { unitIds: ['school-a'] }, ['appliesTo']],
    ['another reporter', { measuredBy: { departmentIds: ['bureau'], perUnit: false } }, ['measuredBy']],
    ['measuredBy added', { measuredBy: undefined }, ['measuredBy']],
    ['a new name', { metric: '毛入园率' }, ['metric']],
  ])('names the terms changed: %s', (_what, over, terms) => {
    expect(changedTargetTerms(enrolment, { ...enrolment, ...over })).toEqual(terms);
    expect(diffTargets([enrolment], [{ ...enrolment, ...over }])).toEqual({ addedTargetIds: [], removedTargetIds: [], changed: [{ targetId: 'enrolment', terms }] });
  });
  it('reads the units a target applies to as a set: another order is no change', () => {
    expect(changedTargetTerms(myopia, { ...myopia, unitIds: ['school-b', 'school-a'] })).toEqual([]);
  });
  it('a rising target\'s step and direction are terms', () => {
    expect(changedTargetTerms(myopia, { ...myopia, minStep: 1, direction: 'up' })).toEqual(['direction', 'step']);
  });
});
