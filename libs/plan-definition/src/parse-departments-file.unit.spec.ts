import { looksLikeDepartmentsFile, parseDepartmentsFile } from './parse-departments-file';

describe('parseDepartmentsFile', () => {
  const good = ['departments:', '  - { id: town-a, name: 甲镇, kind: township }', 'departmentClasses:', '  - { id: every-town, name: 各乡镇, members: [town-a] }', ''].join('\n');

  it('given a departments file, when checked, then it is recognised and accepted', () => {
    expect(looksLikeDepartmentsFile(good, 'd.yaml')).toBe(true);
    expect(looksLikeDepartmentsFile('plan: { id: x }\ndepartments: []\n', 'p.yaml')).toBe(false);
    const result = parseDepartmentsFile(good, 'd.yaml');
    expect(result.ok && result.departments.departments.map((d) => d.id)).toEqual(['town-a']);
  });

  it('given a duplicate id and a class naming an unknown unit, then both are reported with their place', () => {
    const bad = good.replace('members: [town-a]', 'members: [town-b]') + '  - { id: town-a, name: 重复, members: [] }\n';
    const result = parseDepartmentsFile(bad, 'd.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.path, e.code])).toEqual(
      expect.arrayContaining([
        [4, 'departmentClasses[0].members[0]', 'dangling-reference'],
        [5, 'departmentClasses[1].id', 'duplicate-id'],
      ]),
    );
  });

  it('given an unknown key, then it is reported at its line', () => {
    const result = parseDepartmentsFile(good.replace('kind: township', 'kind: township, leader: 张三'), 'd.yaml');
    expect(!result.ok && result.errors.map((e) => [e.line, e.code])).toEqual([[2, 'unknown-key']]);
  });
});
