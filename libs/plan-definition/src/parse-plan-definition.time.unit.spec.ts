import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

describe('parsePlanDefinition: phases, span and deadlines', () => {
  it('reports theme years that overlap, at the later one', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { from: 2022-06-01, to: 2023-08-31 }');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      ...positionOf(text, '{ from: 2022-06-01'),
      path: 'phases[1].window',
      message: 'phase "improvement-year" (2022-06-01 … 2023-08-31) overlaps phase "norm-year" (2021-09-01 … 2022-08-31); theme years may not overlap each other (steps may: kind: step)',
      code: 'overlapping-phases',
    });
  });

  it('reports stages that overlap, but lets a stage sit inside a theme year', () => {
    const stages = `  - { id: mobilise, name: 动员阶段, kind: stage, window: { from: 2021-09-01, to: 2021-10-31 } }
  - { id: implement, name: 实施阶段, kind: stage, window: { from: 2021-10-15, to: 2022-06-30 } }
measures:`;
    const text = edit(minimalPlan, 'measures:', stages);
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'phases[3].window',
      code: 'overlapping-phases',
      message: 'phase "implement" (2021-10-15 … 2022-06-30) overlaps phase "mobilise" (2021-09-01 … 2021-10-31); stages may not overlap each other (steps may: kind: step)',
    });
  });

  it('reports a phase outside the plan span', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { schoolYear: 2024 }');
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'phases[1].window',
      code: 'phase-outside-span',
      message: 'phase "improvement-year" (2024-09-01 … 2025-08-31) lies outside the plan span 2021-09-01 … 2024-08-31',
    });
  });

  it('reports a window whose end precedes its start', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { from: 2023-06-30, to: 2022-09-01 }');
    expect(onlyErrorOf(text)).toMatchObject({ ...positionOf(text, '2022-09-01 }'), path: 'phases[1].window.to', code: 'window-reversed', message: 'phase "improvement-year" ends (2022-09-01) before it starts (2023-06-30)' });
  });

  it('reports a span that ends before it starts', () => {
    const text = edit(minimalPlan, '{ fromSchoolYear: 2021, toSchoolYear: 2023 }', '{ fromSchoolYear: 2023, toSchoolYear: 2021 }');
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({ path: 'plan.span.toSchoolYear', code: 'span-reversed', ...positionOf(text, '2021 }') });
  });

  it.each([
    ['a fixed date', '{ kind: fixed, date: 2024-09-01 }', 'measures[0].deadline.date', '2024-09-01', '"open-lessons" is due on 2024-09-01, outside the plan span 2021-09-01 … 2024-08-31'],
    ['a fixed date before the span', '{ kind: fixed, date: 2021-08-31 }', 'measures[0].deadline.date', '2021-08-31', '"open-lessons" is due on 2021-08-31, outside the plan span 2021-09-01 … 2024-08-31'],
    ['the first due date of a cycle', '{ kind: cycle, everyYears: 3, firstDue: 2025-01-01 }', 'measures[0].deadline.firstDue', '2025-01-01', '"open-lessons" is first due on 2025-01-01, outside the plan span 2021-09-01 … 2024-08-31'],
    ['an offset from a phase', '{ kind: phase, phase: norm-year, anchor: start, offsetDays: -1 }', 'measures[0].deadline.offsetDays', '-1 }', '"open-lessons" falls due on 2021-08-31 (start of phase "norm-year" -1 days), outside the plan span 2021-09-01 … 2024-08-31'],
  ])('reports %s outside the span', (_what, deadline, path, at, message) => {
    const text = edit(minimalPlan, '{ kind: count, atLeast: 1, per: school-year }', deadline);
    expect(onlyErrorOf(text)).toEqual({ file: 'plan.yaml', ...positionOf(text, at), path, message, code: 'deadline-outside-span' });
  });

  it('accepts deadlines on the first and last day of the span', () => {
    const first = edit(minimalPlan, '{ kind: count, atLeast: 1, per: school-year }', '{ kind: fixed, date: 2021-09-01 }');
    const last = edit(minimalPlan, '{ kind: count, atLeast: 1, per: school-year }', '{ kind: phase, phase: improvement-year, offsetDays: 366 }');
    expect(() => errorsOf(first)).toThrow('accepted');
    expect(() => errorsOf(last)).toThrow('accepted');
  });
});
