import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

// ADR 0019: "…完成后进入下一阶段": a stage with no dates that follows the one listed before it.
const undatedStage = `  - id: rectify
    name: 整改阶段
    after: previous
`;
const withUndated = edit(minimalPlan, 'measures:\n', `${undatedStage}measures:\n`);
const withMeasure = (deadline: string, phases = '') =>
  `${withUndated}  - id: rectify-report
    title: 整改报告
    responsible: { lead: all-schools }${phases}
    deadline: ${deadline}
`;

describe('parsePlanDefinition: ordered, undated phases (after: previous)', () => {
  it('accepts an undated phase after a dated one, with work dated from its opening', () => {
    expect(parsePlanDefinition(withMeasure('{ kind: phase, phase: rectify, anchor: start, offsetDays: 30 }'), 'plan.yaml')).toMatchObject({ ok: true });
  });

  it('accepts a measure limited to the undated phase, due from its opening', () => {
    expect(parsePlanDefinition(withMeasure('{ kind: phase, phase: rectify, anchor: start, offsetDays: 30 }', '\n    phases: [rectify]'), 'plan.yaml')).toMatchObject({ ok: true });
  });

  it('refuses the end of an undated phase as an anchor, at the anchor', () => {
    const text = withMeasure('{ kind: phase, phase: rectify, anchor: end, offsetDays: 0 }');
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'measures[2].deadline.anchor',
      code: 'undated-phase',
      message: expect.stringContaining('"rectify-report" is due at the end of phase "rectify", which has no date: it ends when a planner closes it'),
    });
  });

  it('refuses a dated deadline in an undated phase, naming the phase and the way to write it', () => {
    const text = withMeasure('{ kind: fixed, date: 2023-03-01 }', '\n    phases: [rectify]');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'kind: fixed', 'kind: '.length),
      path: 'measures[2].deadline.kind',
      code: 'undated-phase',
      message: expect.stringMatching(/in undated phase "rectify".*kind fixed cannot be placed in it\. Write kind: phase, phase: <the undated phase>, anchor: start/),
    });
  });

  it('refuses after: previous on the first phase: there is nothing before it', () => {
    const text = edit(minimalPlan, '    kind: theme-year\n    window: { schoolYear: 2021 }\n', '    kind: theme-year\n    after: previous\n');
    const errors = errorsOf(text);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'phases[0].after', code: 'undated-phase', message: expect.stringContaining('is the first phase: there is no phase before it to follow') }));
  });

  it('refuses a phase with both a window and after: previous, and one with neither', () => {
    const both = edit(withUndated, '    after: previous\n', '    after: previous\n    window: { schoolYear: 2023 }\n');
    expect(onlyErrorOf(both)).toMatchObject({ path: 'phases[2].after', code: 'undated-phase', message: expect.stringContaining('has a window and after: previous') });
    const neither = edit(withUndated, '    after: previous\n', '');
    expect(onlyErrorOf(neither)).toMatchObject({ path: 'phases[2].id', code: 'missing-key', message: expect.stringContaining('phase "rectify" has no window') });
  });

  it('says what after may be when it is misspelt', () => {
    const text = edit(withUndated, 'after: previous', 'after: norm-year');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'phases[2].after' });
  });
});
