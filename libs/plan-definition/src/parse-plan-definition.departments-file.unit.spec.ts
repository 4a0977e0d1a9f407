import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

// The schools move to a separate file; the plan keeps the bureau and its offices.
const planText = edit(
  edit(minimalPlan, '  - { id: school-a, name: 第一小學, kind: school }\n  - { id: school-b, name: 第二小學, kind: school }\n', ''),
  'departmentClasses:\n  - { id: all-schools, name: 各中小學校, membersOfKind: school }\n',
  'departmentsFile: ../shared/schools.yaml\n',
);
const schoolsText = `departments:
  - { id: school-a, name: 第一小學, kind: school }
  - { id: school-b, name: 第二小學, kind: school }
departmentClasses:
  - { id: all-schools, name: 各中小學校, membersOfKind: school }
`;
const files = (contents: Record<string, string>) => (path: string) => {
  if (!(path in contents)) throw new Error(`ENOENT: ${path}`);
  return contents[path];
};

describe('parsePlanDefinition: departments in a separate file', () => {
  it('merges the departments and classes of the file, resolved relative to the plan', () => {
    const result = parsePlanDefinition(planText, 'plans/demo.yaml', { readFile: files({ 'shared/schools.yaml': schoolsText }) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.definition.departments.map((d) => d.id)).toEqual(['bureau', 'office', 'research-office', 'liaison-a', 'school-a', 'school-b']);
    expect(result.definition.departmentClasses.map((c) => c.id)).toEqual(['all-schools']);
    expect(result.sources).toEqual([
      { file: 'plans/demo.yaml', role: 'plan' },
      { file: 'shared/schools.yaml', role: 'departments' },
    ]);
  });

  it('reports a missing departments file at the key that names it', () => {
    const error = onlyErrorOf(planText, 'plans/demo.yaml', { readFile: files({}) });
    expect(error).toEqual({
      file: 'plans/demo.yaml',
      ...positionOf(planText, '../shared/schools.yaml'),
      path: 'departmentsFile',
      message: 'the departments file "shared/schools.yaml" does not exist or cannot be read',
      code: 'departments-file',
    });
  });

  it('reports that a departments file cannot be read when no reader is given', () => {
    expect(onlyErrorOf(planText, 'plans/demo.yaml').message).toBe('the departments file "shared/schools.yaml" cannot be read here: no file reader was given');
  });

  it('locates schema errors inside the departments file', () => {
    const broken = edit(schoolsText, 'kind: school }\n  - { id: school-b', 'kind: school, colour: red }\n  - { id: school-b');
    const error = onlyErrorOf(planText, 'plans/demo.yaml', { readFile: files({ 'shared/schools.yaml': broken }) });
    expect(error).toMatchObject({ file: 'shared/schools.yaml', ...positionOf(broken, 'colour'), path: 'departments[0].colour', code: 'unknown-key' });
  });

  it('locates reference errors inside the departments file', () => {
    const broken = edit(schoolsText, 'kind: school }\n  - { id: school-b', 'kind: school, parent: town-x }\n  - { id: school-b');
    const error = onlyErrorOf(planText, 'plans/demo.yaml', { readFile: files({ 'shared/schools.yaml': broken }) });
    expect(error).toMatchObject({ file: 'shared/schools.yaml', ...positionOf(broken, 'town-x'), path: 'departments[0].parent', code: 'dangling-reference' });
  });

  it('reports duplicates between the plan and the departments file', () => {
    const duplicated = `${schoolsText.replace('departmentClasses:', '  - { id: office, name: 又一辦公室, kind: bureau-office }\ndepartmentClasses:')}`;
    const error = onlyErrorOf(planText, 'plans/demo.yaml', { readFile: files({ 'shared/schools.yaml': duplicated }) });
    expect(error).toMatchObject({ file: 'shared/schools.yaml', path: 'departments[2].id', message: 'unit id "office" is already used by plans/demo.yaml departments[1]; ids must be unique' });
  });

  it('still checks the rest of the plan when the departments file is malformed', () => {
    const text = edit(planText, 'window: { schoolYear: 2022 }', 'window: { schoolYear: 2021 }');
    const errors = errorsOf(text, 'plans/demo.yaml', { readFile: files({ 'shared/schools.yaml': 'departments: [ { id: x' }) });
    expect(errors[0]).toMatchObject({ file: 'plans/demo.yaml', code: 'overlapping-phases' });
    expect(new Set(errors.slice(1).map((e) => `${e.file} ${e.code}`))).toEqual(new Set(['shared/schools.yaml yaml-syntax']));
  });
});
