import { errorsOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

describe('parsePlanDefinition: every problem at once', () => {
  // An entry that fails the schema is left out of the cross-reference checks (its other
  // problems show once it parses), so each planted mistake sits in its own entry.
  it('reports schema, reference, phase and deadline problems together, in file order', () => {
    let text = minimalPlan;
    text = edit(text, '  issueDate: 2021-11-25\n', '  issueDate: 2021-11-25\n  colour: red\n');
    text = edit(text, '{ id: school-b, name: 第二小學', '{ id: school-a, name: 第二小學');
    text = edit(text, 'window: { schoolYear: 2022 }', 'window: { schoolYear: 2021 }');
    text = edit(text, 'submitTo: office', 'submitTo: jiaoyan-shi');
    text = edit(text, 'atLeast: 1,', 'atLeast: often,');
    text = edit(text, 'anchor: start, offsetDays: 30', 'anchor: start, offsetDays: -30');
    text = `${text}  - { id: late-report, title: 報告, responsible: { lead: bureau }, deadline: { kind: fixed, date: 2026-01-01 } }\n`;

    const reported = errorsOf(text).map((e) => ({ line: e.line, column: e.column, path: e.path, code: e.code }));

    expect(reported).toEqual([
      { ...positionOf(text, 'colour'), path: 'plan.colour', code: 'unknown-key' },
      { ...positionOf(text, 'school-a, name: 第二小學'), path: 'departments[5].id', code: 'duplicate-id' },
      { ...positionOf(text, '{ schoolYear: 2021 }\nmeasures'), path: 'phases[1].window', code: 'overlapping-phases' },
      { ...positionOf(text, 'often'), path: 'measures[0].deadline.atLeast', code: 'wrong-type' },
      { ...positionOf(text, '-30 }'), path: 'measures[1].deadline.offsetDays', code: 'deadline-outside-span' },
      { ...positionOf(text, 'jiaoyan-shi'), path: 'measures[1].review.submitTo', code: 'dangling-reference' },
      { ...positionOf(text, '2026-01-01'), path: 'measures[2].deadline.date', code: 'deadline-outside-span' },
    ]);
  });

  it('a wrong type in the plan metadata does not hide reference problems', () => {
    let text = minimalPlan;
    text = edit(text, '  issueDate: 2021-11-25\n', '  issueDate: 2021-11-25\n  timeZone: 42\n');
    text = edit(text, 'submitTo: office', 'submitTo: jiaoyan-shi');

    const reported = errorsOf(text).map((e) => ({ path: e.path, code: e.code }));

    expect(reported).toEqual([
      { path: 'plan.timeZone', code: 'wrong-type' },
      { path: 'measures[1].review.submitTo', code: 'dangling-reference' },
    ]);
  });

  it('a wrong span still stops the checks that read it, rather than reporting false problems', () => {
    const text = edit(edit(minimalPlan, 'submitTo: office', 'submitTo: jiaoyan-shi'), 'fromSchoolYear: 2021,', 'fromSchoolYear: soon,');
    expect(errorsOf(text).map((e) => e.path)).toEqual(['plan.span.fromSchoolYear']);
  });
});
