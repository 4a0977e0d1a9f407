import { parsePlanDefinition } from './parse-plan-definition';
import { onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

/** Issue 13 item 1: spans by calendar dates, publication day, open-ended and overlapping phases. */
const calendarSpan = edit(minimalPlan, 'span: { fromSchoolYear: 2021, toSchoolYear: 2023 }', 'span: { from: 2021-09-01, to: 2023-08-31 }');
const accepted = (text: string) => {
  const result = parsePlanDefinition(text, 'plan.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return result;
};

describe('parsePlanDefinition: spans by calendar dates', () => {
  it('accepts a span from one date to another, beside spans in school years', () => {
    expect(accepted(calendarSpan).definition.plan.span).toEqual({ from: '2021-09-01', to: '2023-08-31' });
    expect(accepted(minimalPlan).definition.plan.span).toEqual({ fromSchoolYear: 2021, toSchoolYear: 2023 });
  });

  it('reports a calendar span that ends before it starts, at its end', () => {
    const text = edit(calendarSpan, 'to: 2023-08-31 }', 'to: 2021-06-30 }');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, '2021-06-30 }'), path: 'plan.span.to', code: 'span-reversed',
      message: 'the plan span ends (2021-06-30) before it starts (2021-09-01)',
    });
  });

  it('measures phases and deadlines against the calendar span', () => {
    const text = edit(calendarSpan, 'window: { schoolYear: 2022 }', 'window: { from: 2022-09-01, to: 2023-09-30 }');
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'phases[1].window', code: 'phase-outside-span',
      message: 'phase "improvement-year" (2022-09-01 … 2023-09-30) lies outside the plan span 2021-09-01 … 2023-08-31',
    });
    const late = edit(calendarSpan, '{ kind: count, atLeast: 1, per: school-year }', '{ kind: fixed, date: 2023-09-01 }');
    expect(onlyErrorOf(late)).toMatchObject({ path: 'measures[0].deadline.date', code: 'deadline-outside-span', message: '"open-lessons" is due on 2023-09-01, outside the plan span 2021-09-01 … 2023-08-31' });
  });

  it('refuses a span with both shapes mixed, naming the keys', () => {
    const text = edit(minimalPlan, 'span: { fromSchoolYear: 2021, toSchoolYear: 2023 }', 'span: { fromSchoolYear: 2021, to: 2023-06-30 }');
    const result = parsePlanDefinition(text, 'plan.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: expect.stringMatching(/^plan\.span/), line: positionOf(text, 'span:').line });
  });
});

describe('parsePlanDefinition: publication day', () => {
  it('refuses publishOn before the issue date, and after the span has ended', () => {
    const early = edit(minimalPlan, 'issueDate: 2021-11-25', 'issueDate: 2021-11-25\n  publishOn: 2021-11-20');
    expect(onlyErrorOf(early)).toMatchObject({ ...positionOf(early, '2021-11-20'), path: 'plan.publishOn', code: 'invalid-value', message: 'the plan is published on 2021-11-20, before it is issued (issueDate 2021-11-25)' });
    const late = edit(minimalPlan, 'issueDate: 2021-11-25', 'issueDate: 2021-11-25\n  publishOn: 2024-09-01');
    expect(onlyErrorOf(late)).toMatchObject({ path: 'plan.publishOn', message: 'the plan is published on 2024-09-01, after its span has ended 2021-09-01 … 2024-08-31' });
  });

  it('warns about work due before the publication day', () => {
    const text = edit(
      edit(minimalPlan, 'issueDate: 2021-11-25', 'issueDate: 2021-09-01\n  publishOn: 2021-10-15'),
      '{ kind: count, atLeast: 1, per: school-year }', '{ kind: fixed, date: 2021-10-10 }',
    );
    const result = accepted(text);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '"open-lessons" is due on 2021-10-10, before the plan is published (2021-10-15); nobody can act on it from the plan',
      '"school-plan" is due on 2021-10-01, before the plan is published (2021-10-15); nobody can act on it from the plan',
    ]);
  });
});

describe('parsePlanDefinition: open-ended and overlapping phases', () => {
  it('accepts a window without an end: it runs until the plan ends', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { from: 2022-09-01 }\n    kind: stage');
    expect(() => accepted(edit(text, '    kind: theme-year\n    window: { from', '    window: { from'))).not.toThrow();
  });

  it('puts the end of an open-ended phase at the span end, for deadlines at its end', () => {
    const text = edit(
      edit(minimalPlan, '    kind: theme-year\n    window: { schoolYear: 2022 }', '    kind: stage\n    window: { from: 2022-09-01 }'),
      '{ kind: count, atLeast: 1, per: school-year }', '{ kind: phase, phase: improvement-year, anchor: end, offsetDays: 1 }',
    );
    expect(onlyErrorOf(text)).toMatchObject({ code: 'deadline-outside-span', message: '"open-lessons" falls due on 2024-09-01 (end of phase "improvement-year" +1 days), outside the plan span 2021-09-01 … 2024-08-31' });
  });

  it('reports an open-ended phase that opens outside the span, at its start', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { from: 2024-09-01 }');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, '2024-09-01 }'), path: 'phases[1].window.from', code: 'phase-outside-span',
      message: 'phase "improvement-year" opens on 2024-09-01, outside the plan span 2021-09-01 … 2024-08-31; without "to" it would run until the plan ends',
    });
  });

  it('lets steps overlap each other, but not stages', () => {
    const steps = (kind: string) => `  - { id: survey, name: 摸底排查, kind: ${kind}, window: { from: 2022-03-01, to: 2022-04-30 } }
  - { id: rectify, name: 集中整治, kind: ${kind}, window: { from: 2022-04-01, to: 2022-06-30 } }
measures:`;
    expect(() => accepted(edit(minimalPlan, 'measures:', steps('step')))).not.toThrow();
    expect(onlyErrorOf(edit(minimalPlan, 'measures:', steps('stage')))).toMatchObject({ path: 'phases[3].window', code: 'overlapping-phases' });
  });
});
