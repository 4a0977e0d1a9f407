import fc from 'fast-check';
import { weekendsOnlyCalendar } from '@planledger/calendar';
import type { PlanDefinitionInput } from '@planledger/plan-definition';
import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

type DeadlineInput = NonNullable<PlanDefinitionInput['measures']>[number]['deadline'];

describe('compileSchedule', () => {
  const schedule = compileSchedule(
    definitionWith([measure('annual', { kind: 'yearly', month: 11, day: 'end' }, { programme: 'routine-management', responsible: { lead: 'all-schools' } })], {
      programmes: [{ id: 'routine-management', name: '常规管理规范工程' }],
    }),
  );

  it('spans the school years of the plan in its zone', () => {
    expect(schedule.startsAt).toBe('2021-09-01T00:00:00.000+08:00');
    expect(schedule.endsAt).toBe('2024-08-31T23:59:59.999+08:00');
    expect(schedule.timeZone).toBe('Asia/Shanghai');
    expect(schedule).toMatchObject({ planId: 'lianyun-quality', documentNumber: '连区教〔2021〕124号', issuingAuthority: 'lianyun-bureau' });
  });

  it('schedules phases in order of opening', () => {
    const withStage = planInput();
    const phases = [
      { id: 'summary-stage', name: '总结阶段', kind: 'stage' as const, window: { from: '2024-06-01', to: '2024-08-31' } },
      ...withStage.phases,
    ];
    const scheduled = compileSchedule(definitionWith([], { phases })).phases;
    expect(scheduled.map((p) => [p.order, p.phaseId, p.opensAt, p.closesAt])).toEqual([
      [1, 'norm-year', '2021-09-01T00:00:00.000+08:00', '2022-08-31T23:59:59.999+08:00'],
      [2, 'improvement-year', '2022-09-01T00:00:00.000+08:00', '2023-08-31T23:59:59.999+08:00'],
      [3, 'effectiveness-year', '2023-09-01T00:00:00.000+08:00', '2024-08-31T23:59:59.999+08:00'],
      [4, 'summary-stage', '2024-06-01T00:00:00.000+08:00', '2024-08-31T23:59:59.999+08:00'],
    ]);
  });

  it('puts a due date inside a stage into the stage rather than its theme year', () => {
    const phases = [...planInput().phases, { id: 'summary-stage', name: '总结阶段', window: { from: '2024-06-01', to: '2024-08-31' } }];
    const [obligation] = compileSchedule(definitionWith([measure('final', { kind: 'fixed', date: '2024-07-01' })], { phases })).obligations;
    expect(obligation).toMatchObject({ phaseId: 'summary-stage', issueAt: '2024-06-01T00:00:00.000+08:00' });
  });

  it('copies departments without inventing fields', () => {
    expect(schedule.departments[0]).toEqual({ id: 'lianyun-bureau', name: '连云区教育局', kind: 'bureau' });
    expect(schedule.departments[1]).toEqual({ id: 'leading-group', name: '领导小组', kind: 'leading-group', parent: 'lianyun-bureau' });
  });

  it('makes deterministic ids and sorts by due date, then id', () => {
    expect(schedule.obligations.map((o) => o.assignmentId)).toEqual([
      'annual.school-a.2021', 'annual.school-b.2021', 'annual.school-c.2021',
      'annual.school-a.2022', 'annual.school-b.2022', 'annual.school-c.2022',
      'annual.school-a.2023', 'annual.school-b.2023', 'annual.school-c.2023',
    ]);
    expect(schedule.obligations[0].programmeId).toBe('routine-management');
    for (const o of schedule.obligations) expect(o.assignmentId).toMatch(/^[a-z0-9.-]+$/);
  });

  it('gives the same schedule for the same definition, whatever the order of measures', () => {
    const measures = [measure('b', { kind: 'count', atLeast: 1, per: 'month' }), measure('a', { kind: 'count', atLeast: 1, per: 'month' })];
    const forward = compileSchedule(definitionWith(measures));
    const backward = compileSchedule(definitionWith([...measures].reverse()));
    expect(backward.obligations).toEqual(forward.obligations);
    expect(JSON.stringify(compileSchedule(definitionWith(measures)))).toBe(JSON.stringify(forward));
  });

  it('works in a zone with daylight saving time', () => {
    const newYork = definitionWith([measure('m', { kind: 'count', atLeast: 1, per: 'month' })], {
      plan: { ...planInput().plan, timeZone: 'America/New_York' },
    });
    const obligations = compileSchedule(newYork, { holidays: weekendsOnlyCalendar }).obligations;
    expect(obligations.find((o) => o.periodKey === '2022-01')?.dueAt).toBe('2022-01-31T23:59:59.999-05:00');
    expect(obligations.find((o) => o.periodKey === '2022-06')?.dueAt).toBe('2022-06-30T23:59:59.999-04:00');
    const dueTimes = obligations.map((o) => Date.parse(o.dueAt));
    expect([...dueTimes].sort((a, b) => a - b)).toEqual(dueTimes);
  });

  it('refuses two duties with one id, since their assignment ids would collide', () => {
    const twice = [measure('same', { kind: 'fixed', date: '2022-03-04' }), measure('same', { kind: 'fixed', date: '2022-05-04' })];
    expect(() => compileSchedule(definitionWith(twice))).toThrow(/"same" is used for more than one/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => compileSchedule(definitionWith([], { plan: { ...planInput().plan, timeZone: 'Asia/Nowhere' } }))).toThrow(/Asia\/Nowhere/);
  });
});

describe('schedule properties', () => {
  const dayInPlan = fc.integer({ min: 0, max: 1095 }).map((offset) => new Date(Date.UTC(2021, 8, 1 + offset)).toISOString().slice(0, 10));
  const phaseId = fc.constantFrom('norm-year', 'improvement-year', 'effectiveness-year');
  const deadline: fc.Arbitrary<DeadlineInput> = fc.oneof(
    dayInPlan.map((date) => ({ kind: 'fixed' as const, date })),
    fc.record({ kind: fc.constant('yearly' as const), month: fc.integer({ min: 1, max: 12 }), day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('end' as const)) }),
    fc.record({ kind: fc.constant('count' as const), atLeast: fc.integer({ min: 1, max: 5 }), per: fc.constantFrom('week' as const, 'month' as const, 'semester' as const, 'school-year' as const, 'year' as const) }),
    fc.record({ kind: fc.constant('cycle' as const), everyYears: fc.integer({ min: 1, max: 4 }), firstDue: dayInPlan }),
    // Valid definitions only: a phase-relative date stays inside the plan (the validator refuses the rest).
    fc.record({ kind: fc.constant('phase' as const), phase: phaseId, anchor: fc.constant('start' as const), offsetDays: fc.integer({ min: 0, max: 100 }) }),
    fc.record({ kind: fc.constant('phase' as const), phase: phaseId, anchor: fc.constant('end' as const), offsetDays: fc.integer({ min: -100, max: 0 }) }),
  );
  const measures = fc.array(
    fc.record({ deadline, phases: fc.option(fc.uniqueArray(phaseId, { minLength: 1, maxLength: 3 }), { nil: undefined }), lead: fc.constantFrom('all-schools', 'teaching-office') }),
    { minLength: 1, maxLength: 4 },
  );

  it('issues every obligation no later than it falls due, inside the plan span, with unique ids', () => {
    fc.assert(
      fc.property(measures, fc.constantFrom('keep' as const, 'next-working-day' as const), (drawn, holidayRule) => {
        const definition = definitionWith(
          drawn.map((m, i) => measure(`m${i}`, m.deadline, { responsible: { lead: m.lead }, ...(m.phases ? { phases: m.phases } : {}) })),
          { policy: { holidayRule } },
        );
        const schedule = compileSchedule(definition);
        const starts = Date.parse(schedule.startsAt);
        const ends = Date.parse(schedule.endsAt);
        for (const o of schedule.obligations) {
          expect(Date.parse(o.issueAt)).toBeLessThanOrEqual(Date.parse(o.dueAt));
          expect(Date.parse(o.dueAt)).toBeGreaterThanOrEqual(starts);
          expect(Date.parse(o.dueAt)).toBeLessThanOrEqual(ends);
          expect(Date.parse(o.issueAt)).toBeGreaterThanOrEqual(starts);
        }
        expect(new Set(schedule.obligations.map((o) => o.assignmentId)).size).toBe(schedule.obligations.length);
      }),
      { numRuns: 60 },
    );
  });
});
