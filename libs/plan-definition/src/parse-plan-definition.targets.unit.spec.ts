import { parsePlanDefinition } from './parse-plan-definition';
import { targetTermsOf } from './targets/target-terms';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan } from './testing/minimal-plan';

/** The minimal plan with these target entries (YAML flow maps, one a line). */
const withTargets = (...entries: string[]): string => edit(minimalPlan, 'programmes:', `targets:\n${entries.map((e) => `  - ${e}\n`).join('')}programmes:`);
const parsedTargets = (text: string) => {
  const result = parsePlanDefinition(text, 'plan.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition.targets;
};

describe('parsePlanDefinition: targets (ADR 0023)', () => {
  it('keeps an entry written before targets had kinds: a threshold, at least by default', () => {
    const [target] = parsedTargets(withTargets('{ id: t1, metric: 合格率, comparison: ">=", value: 95, unit: "%", by: { schoolYear: 2023 } }'));
    expect(targetTermsOf(target)).toEqual({ terms: { kind: 'threshold', comparison: '>=', unit: '%', milestones: [{ period: '2023-2024', value: 95 }] }, problems: [] });
  });

  it('reads "change-per-year" as a rising (or falling) target whose step is the value', () => {
    const [target] = parsedTargets(withTargets('{ id: myopia, metric: 近视率, comparison: change-per-year, value: -0.5, unit: "%", by: 2024-12-31 }'));
    expect(targetTermsOf(target).terms).toMatchObject({ kind: 'rising', direction: 'down', minStep: 0.5, milestones: [{ period: '2024' }] });
  });

  it('takes a rising target without a value, as documented: its step and direction say what each year must do', () => {
    const [target] = parsedTargets(withTargets('{ id: myopia, metric: 近视率, kind: rising, direction: down, step: 0.5, unit: "%", by: 2024-12-31 }'));
    expect(targetTermsOf(target)).toMatchObject({ terms: { kind: 'rising', direction: 'down', minStep: 0.5, milestones: [{ period: '2024' }] }, problems: [] });
  });

  it('accepts every kind with what it needs, milestones in period order', () => {
    const targets = parsedTargets(withTargets(
      '{ id: a, metric: 入园率, value: 99, unit: "%", milestones: { "2023-2024": 97, "2022-2023": 95 }, by: { schoolYear: 2024 }, measuredBy: { by: office, due: "11-30" } }',
      '{ id: b, metric: 优质园, kind: ratio, value: 2, unit: 所, baseline: { period: 2021, value: 6 }, by: 2024-12-31 }',
      '{ id: c, metric: 评估, kind: pass-fail, by: 2024-12-31 }',
      '{ id: d, metric: 等级, kind: grade, levels: [合格, 良好, 优秀], value: 优秀, by: 2024-12-31, appliesTo: [all-schools], measuredBy: { due: "06-30" } }',
      '{ id: e, metric: 新增学位, kind: cumulative, value: 2200, unit: 个, by: 2024-12-31 }',
      '{ id: f, metric: 事故, kind: held, unit: 起, by: 2024-12-31 }',
    ));
    expect(targets.map((t) => targetTermsOf(t).problems)).toEqual([[], [], [], [], [], []]);
    expect(targetTermsOf(targets[0]).terms.milestones.map((m) => m.period)).toEqual(['2022-2023', '2023-2024', '2024-2025']);
  });

  it.each([
    ['a ratio without a baseline', '{ id: b, metric: 优质园, kind: ratio, value: 2, unit: 所, by: 2024-12-31 }', 'targets[0]', /needs a baseline/],
    ['a grade level not declared', '{ id: d, metric: 等级, kind: grade, levels: [合格, 优秀], value: 良好, by: 2024-12-31 }', 'targets[0].value', /one of its levels \(合格, 优秀\)/],
    ['a milestone after the end', '{ id: a, metric: 入园率, value: 99, unit: "%", milestones: { "2025": 97 }, by: 2024-12-31 }', 'targets[0].milestones.2025', /not before the target's end 2024/],
    ['a school-year milestone for a calendar-year target', '{ id: a, metric: 入园率, value: 99, unit: "%", milestones: { "2022-2023": 97 }, by: 2024-12-31 }', 'targets[0].milestones.2022-2023', /must both be calendar years/],
    ['a number without its unit', '{ id: a, metric: 入园率, value: 99, by: 2024-12-31 }', 'targets[0].unit', /needs its unit/],
  ])('refuses %s, naming where', (_what, entry, path, message) => {
    const error = onlyErrorOf(withTargets(entry));
    expect(error).toMatchObject({ path, code: 'invalid-value' });
    expect(error.message).toMatch(message);
  });

  it('asks who reports a plan-wide target, and checks the reporter is a unit', () => {
    expect(onlyErrorOf(withTargets('{ id: a, metric: 入园率, value: 99, unit: "%", by: 2024-12-31, measuredBy: { due: "11-30" } }'))).toMatchObject({ path: 'targets[0].measuredBy', code: 'missing-key' });
    expect(errorsOf(withTargets('{ id: a, metric: 入园率, value: 99, unit: "%", by: 2024-12-31, measuredBy: { by: statistics, due: "11-30" } }'))[0]).toMatchObject({ path: 'targets[0].measuredBy.by', code: 'dangling-reference' });
  });
});
