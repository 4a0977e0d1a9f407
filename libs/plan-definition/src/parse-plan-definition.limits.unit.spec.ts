import { parsePlanDefinition, type ParseResult } from './parse-plan-definition';
import { hostilePlans } from './testing/hostile-plans';
import { edit, minimalPlan } from './testing/minimal-plan';

const refused = (result: ParseResult) => {
  if (result.ok) throw new Error('expected the plan to be refused');
  return result;
};

describe('parsePlanDefinition: size and shape limits', () => {
  it('given a mapping of 40,000 keys, then it is refused at that mapping, as one problem', () => {
    const { errors, unlisted } = refused(parsePlanDefinition(hostilePlans.wideMap(40_000), 'plan.yaml'));
    expect(errors).toEqual([expect.objectContaining({ file: 'plan.yaml', line: 2, code: 'yaml-syntax', message: expect.stringMatching(/a mapping with 40000 keys: at most 200/) })]);
    expect(unlisted).toBe(0);
  });

  it('given the same in JSON, then it is refused while scanning, at the key past the limit', () => {
    const json = JSON.stringify({ plan: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`key${i}`, i])) }, null, 1);
    const { errors } = refused(parsePlanDefinition(json, 'plan.json'));
    expect(errors).toEqual([expect.objectContaining({ line: 203, message: expect.stringMatching(/more than 200 keys/) })]);
  });

  it('given a list longer than the limit, then it is refused (YAML and JSON)', () => {
    const limits = { maxItemsPerList: 50 };
    expect(refused(parsePlanDefinition(hostilePlans.longJsonList(51), 'plan.json', { limits })).errors[0].message).toMatch(/more than 50 entries/);
    const yaml = `measures:\n${Array.from({ length: 51 }, (_, i) => `  - ${i}`).join('\n')}\n`;
    expect(refused(parsePlanDefinition(yaml, 'plan.yaml', { limits })).errors[0].message).toMatch(/a list with 51 entries: at most 50/);
  });

  it('given nesting deeper than the limit, then it is refused (YAML and JSON)', () => {
    expect(refused(parsePlanDefinition(hostilePlans.deepNesting(10_000), 'plan.yaml')).errors[0].message).toMatch(/nested deeper than 32 levels/);
    const json = `{"plan":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(refused(parsePlanDefinition(json, 'plan.json')).errors[0].message).toMatch(/nested deeper than 32 levels/);
  });

  it('given an alias bomb, then it is refused without expanding it', () => {
    const { errors } = refused(parsePlanDefinition(hostilePlans.aliasBomb(), 'plan.yaml'));
    expect(errors).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringMatching(/aliases expand to too much data/) })]);
  });

  it('given more aliases than the limit, then they are refused before any value is built', () => {
    const text = `a: &a 1\nlist: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n`;
    expect(refused(parsePlanDefinition(text, 'plan.yaml')).errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/more than 100 aliases/) })]);
  });

  it('given few aliases that expand beyond the budget, then the expansion is refused', () => {
    const text = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(refused(parsePlanDefinition(text, 'plan.yaml')).errors[0].message).toMatch(/aliases expand to too much data/);
  });

  it('given a file longer than the limit, then it is refused before it is parsed', () => {
    const { errors } = refused(parsePlanDefinition(minimalPlan, 'plan.yaml', { limits: { maxCharacters: 100 } }));
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/characters: at most 100 are accepted/) })]);
  });

  it('given thousands of problems, then the first ones in file order are listed and the rest counted', () => {
    const { errors, unlisted } = refused(parsePlanDefinition(hostilePlans.manyBadMeasures(2_000), 'plan.yaml'));
    expect(errors).toHaveLength(100);
    expect(unlisted).toBeGreaterThan(2_000 * 3);
    const lines = errors.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(Math.max(...lines)).toBeLessThan(100);
  });

  it('given a duplicated key in JSON, then it is a syntax error at that key', () => {
    const { errors } = refused(parsePlanDefinition('{\n "plan": {},\n "plan": {}\n}', 'plan.json'));
    expect(errors[0]).toMatchObject({ code: 'yaml-syntax', line: 3, column: 2, message: expect.stringMatching(/"plan" appears twice/) });
  });

  it('given a plan within every limit, then the limits change nothing', () => {
    expect(parsePlanDefinition(minimalPlan, 'plan.yaml').ok).toBe(true);
    expect(refused(parsePlanDefinition(edit(minimalPlan, 'id: demo-plan', 'id: [demo-plan]'), 'plan.yaml')).unlisted).toBe(0);
  });
});
