import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

describe('parsePlanDefinition: reading the file and the schema', () => {
  it('accepts the minimal plan and fills in the defaults', () => {
    const result = parsePlanDefinition(minimalPlan, 'plan.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.definition.plan.timeZone).toBe('Asia/Shanghai');
    expect(result.definition.policy.reminders).toEqual({ daysBefore: [7, 1] });
    expect(result.definition.measures[0].kind).toBe('task');
    expect(result.sources).toEqual([{ file: 'plan.yaml', role: 'plan' }]);
  });

  it('reports malformed YAML with its line and column', () => {
    const text = edit(minimalPlan, '  - { id: routine, name: 常規管理規范工程 }', '  - { id: routine, name: 常規管理規范工程');
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({ file: 'plan.yaml', code: 'yaml-syntax', path: '' });
    expect(errors[0].message).toMatch(/^the file cannot be read as YAML: /);
    expect(errors[0].line).toBe(positionOf(text, '  - { id: routine').line + 1);
  });

  it('reports a duplicated key as a syntax error at that key', () => {
    const text = edit(minimalPlan, '  title: 示例三年行動計劃\n', '  title: 示例三年行動計劃\n  title: 又一個\n');
    const error = errorsOf(text)[0];
    expect(error).toMatchObject({ code: 'yaml-syntax', ...positionOf(text, 'title: 又一個') });
  });

  it('reports a wrong type at the value, with the key path and what was found', () => {
    const text = edit(minimalPlan, 'atLeast: 1,', 'atLeast: twice,');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      ...positionOf(text, 'twice'),
      path: 'measures[0].deadline.atLeast',
      message: 'expected a number, found text "twice"',
      code: 'wrong-type',
    });
  });

  it('reports an unknown key at the key itself and suggests the allowed one', () => {
    const text = edit(minimalPlan, '    programme: routine\n', '    programe: routine\n');
    const error = onlyErrorOf(text);
    expect(error).toMatchObject({ ...positionOf(text, 'programe:'), path: 'measures[0].programe', code: 'unknown-key' });
    expect(error.message).toMatch(/^unknown key "programe" \(did you mean "programme"\?\); allowed keys here: id, title, kind, /);
  });

  it('reports a missing required key at the mapping that should hold it', () => {
    const text = edit(minimalPlan, '    title: 公開課\n', '');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'id: open-lessons'),
      path: 'measures[0].title',
      message: '"title" is required here but missing',
      code: 'missing-key',
    });
  });

  it('names the allowed deadline kinds when the kind is unknown', () => {
    // "weekly" is a kind since plan language v2: an unknown one now is "fortnightly".
    const text = edit(minimalPlan, 'kind: count,', 'kind: fortnightly,');
    const error = onlyErrorOf(text);
    expect(error).toMatchObject({ ...positionOf(text, 'fortnightly'), path: 'measures[0].deadline.kind', code: 'invalid-value' });
    expect(error.message).toMatch(/^must be one of "fixed", "yearly", "count", "cycle", "phase", .*found text "fortnightly"$/);
    for (const kind of ['month', 'dekad', 'half-year', 'window', 'asap', 'term', 'per-term', 'daily', 'weekly', 'monthly', 'nth-weekday', 'lunar', 'solar-term', 'standing', 'event', 'before', 'after-accepted']) {
      expect(error.message).toContain(`"${kind}"`);
    }
  });

  it('explains identifiers and dates in the planner\'s terms', () => {
    const text = edit(edit(minimalPlan, 'id: open-lessons', 'id: Open_Lessons'), 'issueDate: 2021-11-25', 'issueDate: 2021-02-30');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['plan.issueDate', 'not a real calendar date'],
      ['measures[0].id', 'use lower-case ASCII letters, digits and "-" (e.g. "norm-year")'],
    ]);
  });

  it('picks the window form the planner meant when a union does not match', () => {
    const text = edit(minimalPlan, 'window: { schoolYear: 2022 }', 'window: { from: 2022-09-01, to: 2023-8-31 }');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'phases[1].window.to', message: 'write dates as YYYY-MM-DD, e.g. 2022-03-05', ...positionOf(text, '2023-8-31') });
  });

  it('rejects a yearly date that no month has', () => {
    const text = edit(minimalPlan, '{ kind: count, atLeast: 1, per: school-year }', '{ kind: yearly, month: 11, day: 31 }');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'measures[0].deadline.day', code: 'invalid-value' });
  });

  it('rejects escalation levels out of order, and still checks the rest of the plan', () => {
    const text = edit(edit(minimalPlan, '    - { afterDays: 3, to: office }\n', '    - { afterDays: 10, to: office }\n    - { afterDays: 3, to: bureau }\n'), 'submitTo: office', 'submitTo: offfice');
    expect(errorsOf(text).map((e) => e.path)).toEqual(['policy.escalation', 'measures[1].review.submitTo']);
    const sectionOnly = edit(minimalPlan, '    - { afterDays: 3, to: office }\n', '    - { afterDays: 10, to: office }\n    - { afterDays: 3, to: bureau }\n');
    expect(onlyErrorOf(sectionOnly)).toMatchObject({ path: 'policy.escalation', code: 'invalid-value', message: 'escalation levels must come in increasing order of afterDays, e.g. 3 then 10', ...positionOf(sectionOnly, '- { afterDays: 10') });
  });

  it('locates errors in JSON files by line and column too', () => {
    const json = JSON.stringify({ plan: { id: 'x', title: 7 } }, null, 2);
    const errors = errorsOf(json, 'plan.json');
    expect(errors.find((e) => e.path === 'plan.title')).toMatchObject({ file: 'plan.json', ...positionOf(json, '7'), message: 'expected text, found the number 7' });
    expect(errors.find((e) => e.path === 'phases')).toMatchObject({ code: 'missing-key', line: 1, column: 1 });
  });

  it('reports JSON syntax errors as JSON', () => {
    const error = errorsOf('{ "plan": { "id": "x", }', 'plan.json')[0];
    expect(error).toMatchObject({ code: 'yaml-syntax', line: 1 });
    expect(error.message).toMatch(/^the file cannot be read as JSON: /);
  });
});
