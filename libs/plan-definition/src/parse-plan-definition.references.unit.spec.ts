import { parsePlanDefinition } from './parse-plan-definition';
import { errorsOf, onlyErrorOf } from './testing/expect-errors';
import { edit, minimalPlan, positionOf } from './testing/minimal-plan';

describe('parsePlanDefinition: references between entries', () => {
  it('reports an undefined unit with the units that are defined', () => {
    const text = edit(minimalPlan, 'co: [research-office]', 'co: [jiaoyan-shi]');
    expect(onlyErrorOf(text)).toEqual({
      file: 'plan.yaml',
      ...positionOf(text, 'jiaoyan-shi'),
      path: 'measures[0].responsible.co[0]',
      message: 'unit "jiaoyan-shi" is not defined; defined units: bureau, office, research-office, liaison-a, school-a, school-b, all-schools',
      code: 'dangling-reference',
    });
  });

  it('suggests the unit a typo most likely meant', () => {
    const text = edit(minimalPlan, 'co: [research-office]', 'co: [reserch-office]');
    expect(onlyErrorOf(text).message).toMatch(/^unit "reserch-office" is not defined \(did you mean "research-office"\?\)/);
  });

  it.each([
    ['a phase', 'phase: norm-year, anchor', 'phase: norm-yr, anchor', 'measures[1].deadline.phase', /^phase "norm-yr" is not defined \(did you mean "norm-year"\?\); defined phases: norm-year, improvement-year$/],
    ['a programme', '    programme: routine\n', '    programme: teachers\n', 'measures[0].programme', /^programme "teachers" is not defined; defined programmes: routine$/],
    ['a focus programme', 'focus: [routine]', 'focus: [classroom]', 'phases[0].focus[0]', /^programme "classroom" is not defined/],
    ['an escalation target', 'to: office }', 'to: leading-group }', 'policy.escalation[0].to', /^unit "leading-group" is not defined/],
    ['a review receiver', 'submitTo: office', 'submitTo: head-office', 'measures[1].review.submitTo', /^unit "head-office" is not defined/],
    ['a liaison\'s school', 'schools: [all-schools]', 'schools: [all-schools, school-z]', 'organisation.liaisons[0].schools[1]', /^unit "school-z" is not defined/],
    ['a per-measure escalation target', '    programme: routine\n', '    programme: routine\n    escalation: [{ afterDays: 5, to: county-office }]\n', 'measures[0].escalation[0].to', /^unit "county-office" is not defined/],
    ['a reviewer', 'reviewedBy: [liaison]', 'reviewedBy: [liaison, deputy-head]', 'measures[1].review.reviewedBy[1]', /^unit "deputy-head" is not defined/],
    ['a target\'s units', 'programmes:', 'targets:\n  - { id: t1, metric: 合格率, comparison: ">=", value: 95, unit: "%", by: { schoolYear: 2023 }, appliesTo: [junior-schools] }\nprogrammes:', 'targets[0].appliesTo[0]', /^unit "junior-schools" is not defined/],
    ['the issuing authority', 'issuingAuthority: bureau', 'issuingAuthority: city-bureau', 'plan.issuingAuthority', /^department "city-bureau" is not defined/],
  ])('reports an undefined reference to %s', (_what, from, to, path, message) => {
    const error = onlyErrorOf(edit(minimalPlan, from, to));
    expect(error).toMatchObject({ path, code: 'dangling-reference' });
    expect(error.message).toMatch(message);
  });

  it('reports a duplicate id at the second entry and names the first', () => {
    const text = edit(minimalPlan, '{ id: school-b, name: 第二小學', '{ id: school-a, name: 第二小學');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, 'school-a, name: 第二小學'),
      path: 'departments[5].id',
      message: 'unit id "school-a" is already used by departments[4]; ids must be unique',
      code: 'duplicate-id',
    });
  });

  it('treats measures and phase deliverables as one namespace', () => {
    const text = edit(minimalPlan, "    focus: [routine]\n", "    focus: [routine]\n    deliverables:\n      - { id: open-lessons, title: 方案, responsible: { lead: bureau }, deadline: { kind: fixed, date: 2021-12-31 } }\n");
    expect(onlyErrorOf(text)).toMatchObject({ path: 'phases[0].deliverables[0].id', code: 'duplicate-id', message: 'measure id "open-lessons" is already used by measures[0]; ids must be unique' });
  });

  it('reports a class without members', () => {
    const text = edit(minimalPlan, '  - { id: all-schools, name: 各中小學校, membersOfKind: school }', '  - { id: all-schools, name: 各中小學校, membersOfKind: school }\n  - { id: all-towns, name: 各乡镇, members: [] }');
    expect(onlyErrorOf(text)).toMatchObject({
      ...positionOf(text, '[] }'),
      path: 'departmentClasses[1].members',
      message: 'class "all-towns" has no members: list its members, or name membersOfKind',
      code: 'empty-responsibility',
    });
  });

  it('reports a measure whose responsibility resolves to nobody', () => {
    const text = edit(minimalPlan, 'membersOfKind: school }', 'membersOfKind: township }');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['departmentClasses[0].membersOfKind', 'empty-responsibility'],
      ['measures[0].responsible.lead', 'empty-responsibility'],
      ['measures[1].responsible', 'empty-responsibility'],
    ]);
    expect(errors[0].message).toBe('class "all-schools" has no members: no department is of kind "township"');
    expect(errors[2].message).toBe('"school-plan" resolves to nobody: all-schools has no members');
  });

  it('requires a liaison for every school whose draft the liaison reviews', () => {
    const text = edit(minimalPlan, 'schools: [all-schools]', 'schools: [school-a]');
    expect(onlyErrorOf(text)).toMatchObject({
      path: 'measures[1].review.reviewedBy',
      code: 'missing-liaison',
      message: '"school-plan" is reviewed by the drafter\'s liaison (包校), but no liaison covers "school-b"; add them to organisation.liaisons',
    });
  });

  it('does not report references into a section that failed the schema as a whole', () => {
    const text = edit(minimalPlan, 'programmes:\n  - { id: routine, name: 常規管理規范工程 }', 'programmes: 五大工程');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'programmes', code: 'wrong-type', message: 'expected a list, found text "五大工程"' });
  });

  it('does not repeat as undefined a unit whose own entry failed the schema', () => {
    const text = edit(minimalPlan, '{ id: research-office, name: 教研室, kind: research-office }', '{ id: research-office, name: 教研室, kind: lab }');
    expect(onlyErrorOf(text)).toMatchObject({ path: 'departments[2].kind', code: 'invalid-value' });
  });
});

describe('dynamic deadlines name what they hang on (ADR 0015)', () => {
  const PHASE_DEADLINE = '{ kind: phase, phase: norm-year, anchor: start, offsetDays: 30 }';
  const withEvents = (deadline: string) =>
    edit(edit(minimalPlan, PHASE_DEADLINE, deadline), 'measures:', 'events:\n  - { id: visit, name: 迎检 }\n  - { id: exam, name: 统考, recurring: true }\n  - { id: spot, name: 暗访, recurring: true, inspection: true }\nmeasures:');
  it.each([
    ['an event the plan does not name', '{ kind: event, event: vist, before: 7 }', 'measures[1].deadline.event', /^event "vist" is not named under events: \(did you mean "visit"\?\)/],
    ['work hanging on an inspection', '{ kind: event, event: spot, after: 3 }', 'measures[1].deadline.event', /an inspection/],
    ['"before" work on a recurring event', '{ kind: event, event: exam, before: 3 }', 'measures[1].deadline.before', /which recurs/],
    ['"before" work in working days on a recurring event', '{ kind: event, event: exam, beforeWorkingDays: 3 }', 'measures[1].deadline.beforeWorkingDays', /which recurs/],
    ['two offsets from an event', '{ kind: event, event: visit, after: 3, afterWorkingDays: 3 }', 'measures[1].deadline.before', /say one of before: N, after: N, beforeWorkingDays: N or afterWorkingDays: N/],
    ['days and working days after an acceptance', '{ kind: after-accepted, step: open-lessons, days: 3, workingDays: 3 }', 'measures[1].deadline.days', /either days: N or workingDays: N/],
    ['a step that is no measure', '{ kind: before, step: open-lesson, days: 3 }', 'measures[1].deadline.step', /^step "open-lesson" is no measure or deliverable of the plan \(did you mean "open-lessons"\?\)/],
    ['a predecessor that is no measure', '{ kind: after-accepted, step: plans, days: 3 }', 'measures[1].deadline.step', /^step "plans" is no measure/],
  ])('reports %s at the key that names it', (_what, deadline, path, message) => {
    const error = onlyErrorOf(withEvents(deadline));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
  it('accepts an event deadline and a step that exist', () => {
    expect(parsePlanDefinition(withEvents('{ kind: event, event: visit, before: 7 }'), 'plan.yaml').ok).toBe(true);
    expect(parsePlanDefinition(withEvents('{ kind: after-accepted, step: open-lessons, days: 10 }'), 'plan.yaml').ok).toBe(true);
    expect(parsePlanDefinition(withEvents('{ kind: event, event: exam, afterWorkingDays: 10 }'), 'plan.yaml').ok).toBe(true);
    expect(parsePlanDefinition(withEvents('{ kind: after-accepted, step: open-lessons, workingDays: 5 }'), 'plan.yaml').ok).toBe(true);
  });
});
