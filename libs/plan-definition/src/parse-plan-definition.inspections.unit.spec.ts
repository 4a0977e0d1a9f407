import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

/** `inspections:` (ADR 0024): checked like every other section, each error at its file position. */
const withInspection = (entry: string) => edit(minimalPlan, 'programmes:', `inspections:\n  - ${entry}\nprogrammes:`);

describe('parsePlanDefinition: inspections', () => {
  it('accepts an inspection of a class by a department, with its rectification days defaulting to 30', () => {
    const parsed = parsePlanDefinition(withInspection('{ id: spring-check, name: 春季开学工作专项督查, by: office, units: all-schools, date: 2023-03-12 }'), 'plan.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
    expect(parsed.definition.inspections).toEqual([{ id: 'spring-check', name: '春季开学工作专项督查', by: 'office', units: 'all-schools', date: '2023-03-12', rectification: { days: 30 } }]);
  });

  it('reports an inspecting unit that is no department, with a suggestion and its position', () => {
    const text = withInspection('{ id: spring-check, name: 督查, by: offic, units: [school-a] }');
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ file: 'plan.yaml', path: 'inspections[0].by', code: 'dangling-reference', ...positionOf(text, 'offic,') });
    expect(error!.message).toMatch(/"offic" is no department of the plan \(did you mean "office"\?\)/);
  });

  it('reports an inspected unit that is not defined, a date outside the span, and a second inspection with the same id', () => {
    const text = withInspection('{ id: spring-check, name: 督查, by: office, units: [school-a, school-z], date: 2031-03-12 }\n  - { id: spring-check, name: 再督查, by: office, units: [school-a] }');
    expect(errorsOf(text).map((e) => [e.path, e.code])).toEqual([
      ['inspections[0].units[1]', 'dangling-reference'],
      ['inspections[0].date', 'invalid-value'],
      ['inspections[1].id', 'duplicate-id'],
    ]);
  });

  it('refuses rectification days that are not a positive whole number', () => {
    const errors = errorsOf(withInspection('{ id: spring-check, name: 督查, by: office, units: [school-a], rectification: { days: 0 } }'));
    expect(errors.map((e) => e.path)).toEqual(['inspections[0].rectification.days']);
  });
});
