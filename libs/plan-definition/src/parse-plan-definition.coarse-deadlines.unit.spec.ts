import { parsePlanDefinition } from './parse-plan-definition';
import { onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

// The minimal plan runs 2021-09-01 … 2024-08-31.
const withDeadline = (deadline: string) => edit(minimalPlan, '{ kind: count, atLeast: 1, per: school-year }', deadline);

describe('parsePlanDefinition: coarse, term and recurring deadlines', () => {
  it.each([
    ['a month', '{ kind: month, month: 2024-09 }', 'measures[0].deadline.month', '2024-09', '"open-lessons" is due by the end of 2024-09 (2024-09-30), outside the plan span 2021-09-01 … 2024-08-31'],
    ['a dekad', '{ kind: dekad, month: 2021-08, dekad: late }', 'measures[0].deadline.month', '2021-08', '"open-lessons" is due by the end of the late dekad of 2021-08 (2021-08-31), outside the plan span 2021-09-01 … 2024-08-31'],
    ['a half-year', '{ kind: half-year, year: 2024, half: second }', 'measures[0].deadline.year', '2024', '"open-lessons" is due by the end of the second half of 2024 (2024-12-31), outside the plan span 2021-09-01 … 2024-08-31'],
    ['a window', '{ kind: window, from: 2024-08-01, to: 2024-09-15 }', 'measures[0].deadline.to', '2024-09-15', '"open-lessons" is due when its window closes (2024-09-15), outside the plan span 2021-09-01 … 2024-08-31'],
  ])('reports %s that ends outside the span', (_what, deadline, path, at, message) => {
    const text = withDeadline(deadline);
    expect(onlyErrorOf(text)).toEqual({ file: 'plan.yaml', ...positionOf(text, at), path, message, code: 'deadline-outside-span' });
  });

  it('accepts every new shape inside the span', () => {
    for (const deadline of [
      '{ kind: month, month: 2024-08 }',
      '{ kind: dekad, month: 2024-02, dekad: late }',
      '{ kind: half-year, year: 2024, half: first }',
      '{ kind: window, from: 2022-04-01, to: 2022-04-30 }',
      '{ kind: asap, workingDays: 3 }',
      '{ kind: term, anchor: start, offsetWorkingDays: 10 }',
      '{ kind: per-term, atLeast: 2, partial: skip }',
      '{ kind: daily }',
      '{ kind: weekly, weekday: fri }',
      '{ kind: monthly, day: last-working-day }',
      '{ kind: nth-weekday, month: 5, nth: 2, weekday: sun }',
      '{ kind: lunar, festival: dragon-boat, offsetDays: -1 }',
      '{ kind: lunar, lunarMonth: 8, lunarDay: 15 }',
      '{ kind: solar-term, term: qingming }',
    ]) {
      const result = parsePlanDefinition(withDeadline(deadline), 'plan.yaml');
      expect([deadline, result.ok ? [] : result.errors.map((e) => e.message)]).toEqual([deadline, []]);
    }
  });

  it.each([
    ['a month that is not one', '{ kind: month, month: 2024-13 }', 'measures[0].deadline.month'],
    ['a window that closes before it opens', '{ kind: window, from: 2022-04-30, to: 2022-04-01 }', 'measures[0].deadline.to'],
    ['both kinds of term offset', '{ kind: term, anchor: end, offsetDays: -3, offsetWorkingDays: -2 }', 'measures[0].deadline.offsetWorkingDays'],
    ['a lunar day with a festival too', '{ kind: lunar, festival: mid-autumn, lunarMonth: 8, lunarDay: 15 }', 'measures[0].deadline'],
    ['an unknown solar term', '{ kind: solar-term, term: mid-spring }', 'measures[0].deadline.term'],
    ['an unknown weekday', '{ kind: weekly, weekday: friday }', 'measures[0].deadline.weekday'],
  ])('refuses %s', (_what, deadline, path) => {
    expect(onlyErrorOf(withDeadline(deadline)).path).toBe(path);
  });

  it('refuses a 校历 term whose mid-term lies outside it', () => {
    const text = edit(minimalPlan, 'measures:', 'schoolCalendar:\n  terms:\n    - { schoolYear: 2021, term: 1, start: 2021-08-30, end: 2022-01-14, midterm: 2022-02-01 }\nmeasures:');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'schoolCalendar.terms[0].midterm', message: 'the mid-term day must lie inside the term' });
  });
});

describe('parsePlanDefinition: a separate school calendar file (schoolCalendarFile:)', () => {
  const calendarFile = `schoolCalendar:
  terms:
    - { schoolYear: 2021, term: 1, start: 2021-08-30, end: 2022-01-14 }
    - { schoolYear: 2021, term: 2, start: 2022-02-14, end: 2022-07-01 }
`;
  const files = (text: string) => ({ readFile: (path: string) => (path === 'terms.yaml' ? text : (() => { throw new Error('no such file'); })()) });
  const planWith = (own = '') => edit(minimalPlan, 'measures:', `schoolCalendarFile: terms.yaml\n${own}measures:`);

  it('takes the file\'s terms, the plan\'s own winning where both give a term', () => {
    const result = parsePlanDefinition(planWith('schoolCalendar:\n  terms:\n    - { schoolYear: 2021, term: 2, start: 2022-02-21, end: 2022-07-08 }\n'), 'plan.yaml', files(calendarFile));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    expect(result.definition.schoolCalendar?.terms.map((t) => [t.term, t.start])).toEqual([[1, '2021-08-30'], [2, '2022-02-14'], [2, '2022-02-21']]);
  });

  it('reports a missing file at the key that names it, and a bad term in the file by its own path', () => {
    expect(onlyErrorOf(planWith(), 'plan.yaml', { readFile: () => { throw new Error('gone'); } })).toMatchObject({
      path: 'schoolCalendarFile',
      code: 'school-calendar-file',
      message: 'the school calendar file "terms.yaml" does not exist or cannot be read',
    });
    const bad = onlyErrorOf(planWith(), 'plan.yaml', files(calendarFile.replace('end: 2022-01-14', 'end: 2021-08-01')));
    expect([bad.file, bad.path]).toEqual(['terms.yaml', 'schoolCalendar.terms[0].end']);
  });
});
