import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

// Issue #13 item 10: mistakes that used to pass validate or gave a pile of messages.
describe('parsePlanDefinition: units, zone and file-shape checks', () => {
  it('refuses a time zone that is not an IANA zone, at the value', () => {
    const text = edit(minimalPlan, '  issueDate: 2021-11-25\n', '  issueDate: 2021-11-25\n  timeZone: Beijing\n');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      ...positionOf(text, 'Beijing'),
      path: 'plan.timeZone',
      code: 'invalid-time-zone',
      message: 'time zone "Beijing" is not a known IANA zone; write e.g. "Asia/Shanghai"',
    });
  });

  it('accepts a real zone other than the default', () => {
    const text = edit(minimalPlan, '  issueDate: 2021-11-25\n', '  issueDate: 2021-11-25\n  timeZone: Asia/Urumqi\n');
    expect(parsePlanDefinition(text, 'plan.yaml')).toMatchObject({ ok: true });
  });

  it('refuses a department class as the unit work is submitted to', () => {
    const text = edit(minimalPlan, 'submitTo: office }', 'submitTo: all-schools }');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'submitTo: all-schools }', 'submitTo: '.length),
      path: 'measures[1].review.submitTo',
      code: 'class-as-target',
      message: 'submitTo "all-schools" is a department class; name one department (a unit), e.g. the bureau office',
    });
  });

  it('refuses a department class as an escalation target', () => {
    const text = edit(minimalPlan, '{ afterDays: 3, to: office }', '{ afterDays: 3, to: all-schools }');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'policy.escalation[0].to', code: 'class-as-target' });
  });

  it('refuses a unit reviewing its own work, directly or as a member of the leading class', () => {
    const direct = edit(minimalPlan, 'reviewedBy: [liaison], submitTo: office }', 'reviewedBy: [school-a], submitTo: office }');
    expect(onlyErrorOf(direct)).toMatchObject({
      ...positionOf(direct, 'school-a], submitTo'),
      path: 'measures[1].review.reviewedBy[0]',
      code: 'self-review',
      message: '"school-a" would review its own work on "school-plan": it leads it; name another unit',
    });
    const lead = edit(minimalPlan, 'reviewedBy: [liaison], submitTo: office }', 'reviewedBy: [], submitTo: office }');
    const officeLeads = edit(lead, 'responsible: { lead: all-schools }\n', 'responsible: { lead: office }\n');
    expect(onlyErrorOf(officeLeads)).toMatchObject({ path: 'measures[1].review.submitTo', code: 'self-review' });
    // A co-responsible unit (配合) may review what the lead drafts.
    const co = edit(minimalPlan, 'responsible: { lead: all-schools }\n', 'responsible: { lead: all-schools, co: [office] }\n');
    expect(parsePlanDefinition(co, 'plan.yaml')).toMatchObject({ ok: true });
  });

  it('refuses departments whose parents form a cycle, once, naming the cycle', () => {
    let text = edit(minimalPlan, '{ id: bureau, name: 區教育局, kind: bureau }', '{ id: bureau, name: 區教育局, kind: bureau, parent: office }');
    text = edit(text, '{ id: office, name: 辦公室, kind: bureau-office }', '{ id: office, name: 辦公室, kind: bureau-office, parent: bureau }');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'parent: office }', 'parent: '.length),
      path: 'departments[0].parent',
      code: 'parent-cycle',
      message: "departments' parents form a cycle: bureau → office → bureau; the top department has no parent",
    });
  });

  it('gives one message for a tab used as indentation, at its line', () => {
    const text = edit(minimalPlan, '    responsible: { lead: all-schools }\n', '\tresponsible: { lead: all-schools }\n');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      line: positionOf(text, '\tresponsible').line,
      column: 1,
      path: '',
      code: 'yaml-syntax',
      message: 'the file cannot be read as YAML: a tab is used to indent this line; indent with spaces only',
    });
  });

  it('says to quote the whole value when an ASCII comma splits a value inside { … }', () => {
    const text = edit(minimalPlan, '{ id: school-a, name: 第一小學, kind: school }', '{ id: school-a, name: 第一小學, 附屬幼兒園, kind: school }');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      ...positionOf(text, '附屬幼兒園'),
      path: 'departments[4].附屬幼兒園',
      code: 'unknown-key',
      message: '"附屬幼兒園" reads as a key with no value: inside { … } an ASCII comma ends a value; if it belongs to "name", quote the whole value: name: "第一小學, 附屬幼兒園" (or write the comma as "，")',
    });
  });

  it('says to quote the whole value when quotes end a value early inside { … }', () => {
    const text = edit(minimalPlan, '{ id: school-a, name: 第一小學, kind: school }', '{ id: school-a, name: "第一"小學, kind: school }');
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ line: positionOf(text, '"第一"').line, code: 'yaml-syntax' });
    expect(error.message).toMatch(/must be quoted whole, e\.g\. name: '"实验"小学'$/);
  });

  it('warns, without refusing, of a deadline before the issue date, at the date', () => {
    const text = edit(minimalPlan, 'deadline: { kind: phase, phase: norm-year, anchor: start, offsetDays: 30 }', 'deadline: { kind: fixed, date: 2021-10-15 }');
    const result = parsePlanDefinition(text, 'plan.yaml');
    expect(result.ok && result.warnings).toEqual([
      {
        file: 'plan.yaml',
        ...positionOf(text, '2021-10-15'),
        path: 'measures[1].deadline.date',
        code: 'deadline-before-issue',
        message: '"school-plan" is due on 2021-10-15, before the plan is issued (2021-11-25); nobody can act on it from the plan',
      },
    ]);
    const issuedEarly = edit(text, 'issueDate: 2021-11-25', 'issueDate: 2021-08-25');
    expect(parsePlanDefinition(issuedEarly, 'plan.yaml')).toMatchObject({ ok: true, warnings: [] });
  });

  it('says so when a departments file is given as a plan', () => {
    const departments = 'departments:\n  - { id: bureau, name: 區教育局, kind: bureau }\n';
    expect(onlyErrorOf(departments, 'departments.yaml')).toMatchObject({
      file: 'departments.yaml',
      line: 1,
      code: 'departments-file',
      message: expect.stringContaining('this is a departments file, not a plan'),
    });
  });
});
