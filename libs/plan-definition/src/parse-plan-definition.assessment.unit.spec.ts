import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

const withRubric = (rubric: string) => edit(minimalPlan, 'programmes:', `${rubric}programmes:`);

describe('parsePlanDefinition: the 考核 rubric and the bulletin timetable', () => {
  it('accepts a rubric and a timetable, bare numbers and capped rules alike', () => {
    const text = withRubric([
      'assessment:',
      '  units: [all-schools]',
      '  base: 100',
      '  rules: { acceptedOnTime: 2, overdue: { points: -3, limit: 15 }, repeatedFinding: -5 }',
      '  floor: 60',
      '  cap: 120',
      '  commend: { top: 1, minScore: 100 }',
      'bulletins: { weekly: mon, phaseEnd: true }',
      '',
    ].join('\n'));
    const parsed = parsePlanDefinition(text, 'plan.yaml');
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(parsed.ok && parsed.definition.assessment).toMatchObject({ periods: 'phase', base: 100, rules: { overdue: { points: -3, limit: 15 } } });
    expect(parsed.ok && parsed.definition.bulletins).toEqual({ weekly: 'mon', phaseEnd: true });
  });

  it('reports an assessed unit that is not defined, at its line', () => {
    const text = withRubric('assessment:\n  units: [all-schols]\n  rules: { acceptedOnTime: 1 }\n');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'all-schols'),
      path: 'assessment.units[0]',
      code: 'dangling-reference',
      message: expect.stringMatching(/^unit "all-schols" is not defined \(did you mean "all-schools"\?\)/),
    });
  });

  it.each([
    ['a floor above the cap', '  rules: { overdue: -1 }\n  floor: 90\n  cap: 80\n', 'assessment.floor', 'the floor (90) is above the cap (80)'],
    ['a base below the floor', '  base: 50\n  rules: { overdue: -1 }\n  floor: 60\n', 'assessment.base', 'the base score (50) is below the floor (60)'],
    ['a commendation rule naming nobody', '  rules: { overdue: -1 }\n  commend: {}\n', 'assessment.commend', 'say whom to commend: top (the first N by rank), minScore (at least this score), or both'],
    ['a rubric without rules', '  rules: {}\n', 'assessment.rules', 'a rubric needs at least one rule (e.g. acceptedOnTime: 1, overdue: -2)'],
  ])('reports %s', (_what, body, path, message) => {
    expect(onlyErrorOf(withRubric(`assessment:\n${body}`))).toMatchObject({ path, code: 'invalid-value', message });
  });

  it('reports a rule that is not one of the rubric\'s', () => {
    expect(errorsOf(withRubric('assessment:\n  rules: { lateness: -1 }\n'))).toContainEqual(expect.objectContaining({ path: 'assessment.rules.lateness', code: 'unknown-key' }));
  });

  it('reports a timetable that never issues', () => {
    expect(onlyErrorOf(withRubric('bulletins: { phaseEnd: false }\n'))).toMatchObject({ path: 'bulletins', code: 'invalid-value' });
  });

  it('reports a monthly day past the 28th', () => {
    expect(onlyErrorOf(withRubric('bulletins: { monthly: 31 }\n'))).toMatchObject({ path: 'bulletins.monthly' });
  });
});
