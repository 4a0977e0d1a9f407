import { compileSchedule } from './compile-schedule';
import { ScheduleCompilationError } from './schedule-compilation-error';
import { definitionWith, measure } from './testing/plan-fixture';

const keep = { policy: { holidayRule: 'keep' as const } };
const compile = (...args: Parameters<typeof definitionWith>) => compileSchedule(definitionWith(...args));
const problemsOf = (...args: Parameters<typeof definitionWith>): string[] => {
  try {
    compile(...args);
  } catch (error) {
    if (error instanceof ScheduleCompilationError) return error.problems;
    throw error;
  }
  return [];
};
const dueDates = (...args: Parameters<typeof definitionWith>) => Object.fromEntries(compile(...args).obligations.map((o) => [o.measureId, o.dueAt.slice(0, 10)]));

describe('backwards chains (倒排工期)', () => {
  it('date each step N days before the step it precedes, counting back from the fixed completion', () => {
    const chain = [
      measure('procure', { kind: 'before', step: 'install', days: 30 }),
      measure('install', { kind: 'before', step: 'complete', days: 20 }),
      measure('complete', { kind: 'fixed', date: '2022-06-30' }),
    ];
    expect(dueDates(chain, keep)).toEqual({ procure: '2022-05-11', install: '2022-06-10', complete: '2022-06-30' });
  });
  it('count back from the date as written; each step alone is moved off a holiday', () => {
    const chain = [measure('install', { kind: 'before', step: 'complete', days: 0 }), measure('complete', { kind: 'fixed', date: '2022-10-01' })];
    expect(dueDates(chain)).toEqual({ install: '2022-10-08', complete: '2022-10-08' });
  });
  it('refuse a cycle, a step that is not in the plan, and a step with more than one due date', () => {
    expect(problemsOf([measure('a', { kind: 'before', step: 'b', days: 1 }), measure('b', { kind: 'before', step: 'a', days: 1 })]).join('\n')).toMatch(/cycle/);
    expect(problemsOf([measure('a', { kind: 'before', step: 'nowhere', days: 1 })]).join('\n')).toMatch(/"nowhere", which is no measure/);
    expect(problemsOf([measure('a', { kind: 'before', step: 'y', days: 1 }), measure('y', { kind: 'yearly', month: 6, day: 30 })]).join('\n')).toMatch(/does not fall due exactly once/);
  });
});

describe('outside-event deadlines', () => {
  const events = { events: [{ id: 'visit', name: '迎检', recurring: false, inspection: false }, { id: 'spot', name: '暗访', recurring: true, inspection: true }, { id: 'exam', name: '统考', recurring: true, inspection: false }] };
  it('compile to templates per department, not to dated obligations', () => {
    const schedule = compile([measure('self-check', { kind: 'event', event: 'visit', before: 7 })], events);
    expect(schedule.obligations).toEqual([]);
    expect(schedule.eventObligations?.length).toBeGreaterThan(0);
    for (const template of schedule.eventObligations ?? []) {
      expect(template).toMatchObject({ eventId: 'visit', offsetDays: -7, measureId: 'self-check' });
      expect(template.assignmentIdPrefix).toBe(`self-check.${template.departmentId}`);
    }
    expect(schedule.outsideEvents?.map((e) => e.eventId)).toEqual(['visit', 'spot', 'exam']);
  });
  it('leave schedules of plans without events as they were', () => {
    const schedule = compile([measure('m', { kind: 'fixed', date: '2022-03-04' })]);
    expect('outsideEvents' in schedule || 'eventObligations' in schedule).toBe(false);
  });
  it('refuse an unknown event, work hanging on an inspection, and "before" work on a recurring event', () => {
    expect(problemsOf([measure('a', { kind: 'event', event: 'festival', after: 1 })], events).join('\n')).toMatch(/does not name under events/);
    expect(problemsOf([measure('a', { kind: 'event', event: 'spot', after: 1 })], events).join('\n')).toMatch(/inspection/);
    expect(problemsOf([measure('a', { kind: 'event', event: 'exam', before: 1 })], events).join('\n')).toMatch(/recurs/);
  });
});

describe('after-accepted deadlines', () => {
  const schools = { responsible: { lead: 'all-schools' } };
  const followOnsOf = (...args: Parameters<typeof definitionWith>) =>
    Object.fromEntries(compile(...args).obligations.filter((o) => o.followOns).map((o) => [o.assignmentId, o.followOns!.map((f) => `${f.assignmentId}+${f.offsetDays}`)]));

  it('are attached unit by unit when both fan out to the same units, and are no dated obligation of their own', () => {
    const plan = [measure('school-plan', { kind: 'fixed', date: '2022-03-04' }, schools), measure('implement', { kind: 'after-accepted', step: 'school-plan', days: 10 }, schools)];
    expect(followOnsOf(plan, keep)).toEqual({
      'school-plan.school-a.once': ['implement.school-a.after-once+10'],
      'school-plan.school-b.once': ['implement.school-b.after-once+10'],
      'school-plan.school-c.once': ['implement.school-c.after-once+10'],
    });
    expect(compile(plan, keep).obligations.map((o) => o.measureId)).not.toContain('implement');
  });
  it('are all attached to the one unit of a single predecessor', () => {
    const plan = [measure('district-plan', { kind: 'fixed', date: '2022-03-04' }), measure('training', { kind: 'after-accepted', step: 'district-plan', days: 30 }, schools)];
    expect(followOnsOf(plan, keep)).toEqual({ 'district-plan.teaching-office.once': ['training.school-a.after-once+30', 'training.school-b.after-once+30', 'training.school-c.after-once+30'] });
  });
  it('follow the lead\'s acceptance when the step before has co-responsible units (the co units\' acceptances issue nothing)', () => {
    const jointPlan = measure('district-plan', { kind: 'fixed', date: '2022-03-04' }, { responsible: { lead: 'teaching-office', co: ['group-office'] } });
    const plan = [jointPlan, measure('training', { kind: 'after-accepted', step: 'district-plan', days: 30 }, schools)];
    expect(followOnsOf(plan, keep)).toEqual({ 'district-plan.teaching-office.once': ['training.school-a.after-once+30', 'training.school-b.after-once+30', 'training.school-c.after-once+30'] });
    const schoolsWithCo = measure('school-plan', { kind: 'fixed', date: '2022-03-04' }, { responsible: { lead: 'all-schools', co: ['teaching-office'] } });
    expect(followOnsOf([schoolsWithCo, measure('implement', { kind: 'after-accepted', step: 'school-plan', days: 10 }, schools)], keep)).toEqual({
      'school-plan.school-a.once': ['implement.school-a.after-once+10'],
      'school-plan.school-b.once': ['implement.school-b.after-once+10'],
      'school-plan.school-c.once': ['implement.school-c.after-once+10'],
    });
  });
  it('refuse units that fan out differently from a many-unit predecessor, and an unknown step', () => {
    const mismatch = [measure('school-plan', { kind: 'fixed', date: '2022-03-04' }, schools), measure('report', { kind: 'after-accepted', step: 'school-plan', days: 5 })];
    expect(problemsOf(mismatch).join('\n')).toMatch(/fan out the same way/);
    expect(problemsOf([measure('a', { kind: 'after-accepted', step: 'nowhere', days: 1 })]).join('\n')).toMatch(/"nowhere", which is no measure/);
  });
});

describe('offsets in working days at run time (ADR 0020)', () => {
  const events = { events: [{ id: 'visit', name: '迎检', recurring: false, inspection: false }, { id: 'exam', name: '统考', recurring: true, inspection: false }] };
  it('mark the templates and follow-ons that count working days, and carry the holiday table (weekdays off, make-up days) once', () => {
    const schedule = compile([
      measure('visit-plan', { kind: 'event', event: 'visit', beforeWorkingDays: 10 }),
      measure('rectify', { kind: 'event', event: 'visit', after: 15 }),
      measure('district-plan', { kind: 'fixed', date: '2022-03-04' }),
      measure('training', { kind: 'after-accepted', step: 'district-plan', workingDays: 5 }),
    ], events);
    expect(schedule.eventObligations?.filter((o) => o.measureId === 'visit-plan').every((o) => o.offsetDays === -10 && o.workingDays === true)).toBe(true);
    expect(schedule.eventObligations?.filter((o) => o.measureId === 'rectify').every((o) => o.offsetDays === 15 && !('workingDays' in o))).toBe(true);
    expect(schedule.obligations.flatMap((o) => o.followOns ?? []).every((f) => f.offsetDays === 5 && f.workingDays === true)).toBe(true);
    const table = schedule.workingDayTable!;
    expect(table).toMatchObject({ name: schedule.holidayCalendar!.name, timeZone: 'Asia/Shanghai', coveredYears: schedule.holidayCalendar!.coveredYears });
    expect(table.weekdaysOff).toEqual(expect.arrayContaining(['2022-05-02', '2022-05-03', '2022-05-04', '2022-10-03']));
    expect(table.weekdaysOff).not.toContain('2022-04-30'); // a Saturday: off anyway
    expect(table.makeUpWorkingDays).toEqual(expect.arrayContaining(['2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09']));
  });
  it('leave schedules without such offsets as they were', () => {
    expect('workingDayTable' in compile([measure('rectify', { kind: 'event', event: 'visit', after: 15 })], events)).toBe(false);
  });
  it('refuse "before" work in working days on a recurring event, as in calendar days', () => {
    expect(problemsOf([measure('a', { kind: 'event', event: 'exam', beforeWorkingDays: 3 })], events).join('\n')).toMatch(/recurs/);
  });
});
