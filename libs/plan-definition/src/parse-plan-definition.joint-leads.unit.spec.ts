import { parsePlanDefinition } from './parse-plan-definition';
import { onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan } from './testing/minimal-plan';

describe('parsePlanDefinition: joint leads, liaison as a unit, unit kinds', () => {
  it('accepts joint leads, liaison as co-responsible and as receiver, and the new unit kinds', () => {
    let text = edit(minimalPlan, 'responsible: { lead: all-schools, co: [research-office] }', 'responsible: { lead: [research-office, office], co: [school-a] }');
    text = edit(text, 'submitTo: office', 'submitTo: liaison');
    text = edit(text, '    responsible: { lead: all-schools }\n', '    responsible: { lead: all-schools, co: [liaison] }\n');
    text = edit(text, '{ id: school-b, name: 第二小學, kind: school', '{ id: school-b, name: 第二小學, kind: kindergarten');
    const result = parsePlanDefinition(text, 'plan.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reports an undefined joint lead at its place in the list', () => {
    const text = edit(minimalPlan, 'lead: all-schools, co: [research-office]', 'lead: [office, jiaoyan-shi], co: [research-office]');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'measures[0].responsible.lead[1]', code: 'dangling-reference' });
  });

  it('refuses an empty list of leads', () => {
    const text = edit(minimalPlan, 'lead: all-schools, co: [research-office]', 'lead: [], co: [research-office]');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'measures[0].responsible.lead' });
  });

  it('accepts escalation to the liaison (督办 to the 包校 leader) in the policy and in a measure', () => {
    let text = edit(minimalPlan, '    - { afterDays: 3, to: office }', '    - { afterDays: 3, to: liaison }\n    - { afterDays: 10, to: office }');
    text = edit(text, "    review: { reviewedBy: [liaison], submitTo: office }\n", "    review: { reviewedBy: [liaison], submitTo: office }\n    escalation: [{ afterDays: 2, to: liaison }]\n");
    const result = parsePlanDefinition(text, 'plan.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("refuses escalation to the liaison where no liaison covers a lead school, at the level's line or the measure's", () => {
    let text = edit(minimalPlan, 'schools: [all-schools]', 'schools: [school-a]');
    text = edit(text, "    review: { reviewedBy: [liaison], submitTo: office }\n", "    review: { reviewedBy: [], submitTo: office }\n    escalation: [{ afterDays: 2, to: liaison }]\n");
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'measures[1].escalation[0].to', code: 'missing-liaison', line: text.split('\n').findIndex((l) => l.includes('to: liaison')) + 1,
      message: '"school-plan" escalates to the drafter\'s liaison (包校), but no liaison covers "school-b"; add them to organisation.liaisons',
    });
    let policy = edit(minimalPlan, 'schools: [all-schools]', 'schools: [school-a]');
    policy = edit(policy, '    - { afterDays: 3, to: office }', '    - { afterDays: 3, to: liaison }');
    policy = edit(policy, 'reviewedBy: [liaison], submitTo: office', 'reviewedBy: [], submitTo: office');
    const result = parsePlanDefinition(policy, 'plan.yaml');
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.code])).toEqual([
      ['measures[0].responsible', 'missing-liaison'],
      ['measures[1].responsible', 'missing-liaison'],
    ]);
  });

  it('reports a school whose work goes to its liaison when no liaison covers it', () => {
    let text = edit(minimalPlan, 'schools: [all-schools]', 'schools: [school-a]');
    text = edit(text, 'reviewedBy: [liaison], submitTo: office', 'reviewedBy: [], submitTo: liaison');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'measures[1].review.submitTo', code: 'missing-liaison' });
    expect(onlyErrorOf(text).message).toMatch(/"school-b"/);
  });

  it('lets a leading group leave out its leader and office', () => {
    const text = edit(minimalPlan, 'organisation:\n', 'organisation:\n  leadingGroup: { id: office, name: 领导小组 }\n');
    const result = parsePlanDefinition(text, 'plan.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.definition.organisation.leadingGroup).toEqual({ id: 'office', name: '领导小组', deputies: [], members: [] });
  });
});

describe('parsePlanDefinition: roles', () => {
  const withRoleLead = (role: string) =>
    edit(edit(minimalPlan, 'lead: all-schools, co: [research-office]', `lead: { role: ${role}, of: all-schools }, co: [research-office]`), 'programmes:', 'roles:\n  - { id: head-teacher, name: 班主任 }\nprogrammes:');

  it('accepts a declared role held in a class', () => {
    const result = parsePlanDefinition(withRoleLead('head-teacher'), 'plan.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reports a role that is not declared, with the declared ones', () => {
    expect(onlyErrorOf(withRoleLead('head-teachr'))).toMatchObject({ path: 'measures[0].responsible.lead.role', code: 'dangling-reference', message: expect.stringMatching(/^role "head-teachr" is not defined \(did you mean "head-teacher"\?\)/) });
  });
});
