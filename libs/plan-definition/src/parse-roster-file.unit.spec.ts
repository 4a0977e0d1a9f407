import { parseRosterFile } from './parse-roster-file';

const roster = `# 班主任名单 (2023学年)
plan: example-roles
roster:
  - role: head-teacher
    unit: school-a
    people: [{ id: zhang-san, name: 张三 }, li-si]
  - { role: head-teacher, unit: school-b, people: [] }
`;

describe('parseRosterFile', () => {
  it('reads role@unit → people, a bare id or an id with a name, and each entry\'s line', () => {
    expect(parseRosterFile(roster, 'roster.yaml')).toEqual({
      ok: true,
      planId: 'example-roles',
      entries: [
        { roleId: 'head-teacher', unitId: 'school-a', people: [{ personId: 'zhang-san', name: '张三' }, { personId: 'li-si' }], line: 4 },
        { roleId: 'head-teacher', unitId: 'school-b', people: [], line: 7 },
      ],
    });
  });

  it('reads the same roster written as JSON', () => {
    const json = JSON.stringify({ roster: [{ role: 'head-teacher', unit: 'school-a', people: ['zhang-san'] }] });
    expect(parseRosterFile(json, 'roster.json')).toMatchObject({ ok: true, entries: [{ roleId: 'head-teacher', unitId: 'school-a', people: [{ personId: 'zhang-san' }] }] });
  });

  it('names file, line and path of a bad key, a role@unit given twice and a person listed twice', () => {
    const bad = parseRosterFile('roster:\n  - { role: head-teacher, unit: school-a, persons: [zhang-san] }\n', 'roster.yaml');
    expect(bad.ok ? [] : bad.errors.map((e) => [e.file, e.line, e.path, e.code])).toEqual([
      ['roster.yaml', 2, 'roster[0].people', 'missing-key'],
      ['roster.yaml', 2, 'roster[0].persons', 'unknown-key'],
    ]);
    const twice = parseRosterFile(`${roster}  - { role: head-teacher, unit: school-a, people: [wang-wu, wang-wu] }\n`, 'roster.yaml');
    expect(twice.ok ? [] : twice.errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [8, 'roster[2]', 'head-teacher@school-a is already named by roster[0]; give all its people in one entry'],
      [8, 'roster[2].people[1]', 'person "wang-wu" is listed twice for head-teacher@school-a'],
    ]);
  });

  it('says so when the YAML does not parse, with its line', () => {
    const result = parseRosterFile('roster:\n  - role: head-teacher\n\tunit: school-a\n', 'roster.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ file: 'roster.yaml', line: 3, code: 'yaml-syntax' });
  });
});
