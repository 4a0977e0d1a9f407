import { weekendsOnlyCalendar } from '@planledger/calendar';
import { compileSchedule } from './compile-schedule';
import { ScheduleCompilationError } from './schedule-compilation-error';
import { definitionWith, measure } from './testing/plan-fixture';

const keep = { policy: { holidayRule: 'keep' as const } };
const obligationsOf = (...args: Parameters<typeof definitionWith>) => compileSchedule(definitionWith(...args)).obligations;
const summary = (...args: Parameters<typeof definitionWith>) =>
  obligationsOf(...args).map((o) => [o.periodKey, o.issueAt, o.dueAt, o.phaseId]);

describe('fixed deadlines', () => {
  it('are due at the end of the local day and issued when the holding phase opens', () => {
    expect(summary([measure('plan-submission', { kind: 'fixed', date: '2022-03-04' })], keep)).toEqual([
      ['once', '2021-09-01T00:00:00.000+08:00', '2022-03-04T23:59:59.999+08:00', 'norm-year'],
    ]);
  });

  it('are moved off a holiday with next-working-day and left alone with keep', () => {
    const national = [measure('report', { kind: 'fixed', date: '2022-10-01' })];
    expect(obligationsOf(national)[0].dueAt).toBe('2022-10-08T23:59:59.999+08:00');
    expect(obligationsOf(national, keep)[0].dueAt).toBe('2022-10-01T23:59:59.999+08:00');
  });

  it('are refused when they fall outside the plan', () => {
    expect(() => obligationsOf([measure('early', { kind: 'fixed', date: '2021-08-01' })])).toThrow(ScheduleCompilationError);
  });
});

describe('yearly deadlines', () => {
  it('give one obligation per year whose date lies inside the span, issued at the start of that year', () => {
    expect(summary([measure('annual-report', { kind: 'yearly', month: 11, day: 'end' })], keep)).toEqual([
      ['2021', '2021-09-01T00:00:00.000+08:00', '2021-11-30T23:59:59.999+08:00', 'norm-year'],
      ['2022', '2022-01-01T00:00:00.000+08:00', '2022-11-30T23:59:59.999+08:00', 'improvement-year'],
      ['2023', '2023-01-01T00:00:00.000+08:00', '2023-11-30T23:59:59.999+08:00', 'effectiveness-year'],
    ]);
  });

  it('fall on 28 February in years without a 29th', () => {
    const leap = obligationsOf([measure('leap', { kind: 'yearly', month: 2, day: 29 })], keep);
    expect(leap.map((o) => o.dueAt.slice(0, 10))).toEqual(['2022-02-28', '2023-02-28', '2024-02-29']);
  });

  it('are limited to the measure phases when it names them', () => {
    const limited = [measure('annual-report', { kind: 'yearly', month: 11, day: 'end' }, { phases: ['improvement-year'] })];
    expect(summary(limited, keep)).toEqual([['2022', '2022-09-01T00:00:00.000+08:00', '2022-11-30T23:59:59.999+08:00', 'improvement-year']]);
  });

  it('end February on the 29th in a leap year and move a weekend end-of-month to Monday', () => {
    const february = obligationsOf([measure('winter-report', { kind: 'yearly', month: 2, day: 'end' })]);
    // 2022-02-28 Monday, 2023-02-28 Tuesday, 2024-02-29 Thursday: all working days.
    expect(february.map((o) => o.dueAt.slice(0, 10))).toEqual(['2022-02-28', '2023-02-28', '2024-02-29']);
    const april = obligationsOf([measure('spring-report', { kind: 'yearly', month: 4, day: 30 })]);
    // 2022-04-30 is a Labour Day holiday (to 4 May); 2023-04-30 a holiday too (to 3 May); 2024-04-30 a Tuesday.
    expect(april.map((o) => o.dueAt.slice(0, 10))).toEqual(['2022-05-05', '2023-05-04', '2024-04-30']);
  });
});

describe('count-per-period deadlines', () => {
  it('give one obligation per semester, due at its end, with the required count', () => {
    const semesters = obligationsOf([measure('open-classes', { kind: 'count', atLeast: 2, per: 'semester' })], keep);
    expect(semesters.map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10), o.requiredCount])).toEqual([
      ['2021-s1', '2021-09-01', '2022-01-31', 2],
      ['2021-s2', '2022-02-01', '2022-08-31', 2],
      ['2022-s1', '2022-09-01', '2023-01-31', 2],
      ['2022-s2', '2023-02-01', '2023-08-31', 2],
      ['2023-s1', '2023-09-01', '2024-01-31', 2],
      ['2023-s2', '2024-02-01', '2024-08-31', 2],
    ]);
  });

  it('clip the first and last week to the plan and never move a due date past its end', () => {
    const weeks = obligationsOf([measure('weekly-check', { kind: 'count', atLeast: 1, per: 'week' })]);
    expect(weeks).toHaveLength(157);
    // The week ends on Sunday 5 September; next-working-day moves it to Monday.
    expect([weeks[0].periodKey, weeks[0].issueAt, weeks[0].dueAt]).toEqual(['2021-w35', '2021-09-01T00:00:00.000+08:00', '2021-09-06T23:59:59.999+08:00']);
    const last = weeks[weeks.length - 1];
    // 31 August 2024 is a Saturday; the next working day would be outside the plan.
    expect([last.periodKey, last.issueAt, last.dueAt]).toEqual(['2024-w35', '2024-08-26T00:00:00.000+08:00', '2024-08-31T23:59:59.999+08:00']);
  });

  it('give months, school years and calendar years with their keys', () => {
    const keys = (per: 'month' | 'school-year' | 'year') => obligationsOf([measure('m', { kind: 'count', atLeast: 1, per })], keep).map((o) => o.periodKey);
    expect(keys('month')).toHaveLength(36);
    expect(keys('month').slice(0, 2)).toEqual(['2021-09', '2021-10']);
    expect(keys('school-year')).toEqual(['sy2021', 'sy2022', 'sy2023']);
    expect(keys('year')).toEqual(['2021', '2022', '2023', '2024']);
  });

  it('clip calendar years to the plan span', () => {
    const years = obligationsOf([measure('meetings', { kind: 'count', atLeast: 2, per: 'year' })], keep);
    expect(years.map((o) => [o.issueAt.slice(0, 10), o.dueAt.slice(0, 10)])).toEqual([
      ['2021-09-01', '2021-12-31'],
      ['2022-01-01', '2022-12-31'],
      ['2023-01-01', '2023-12-31'],
      ['2024-01-01', '2024-08-31'],
    ]);
  });

  it('count a week that crosses two adjacent phases once', () => {
    const twoYears = obligationsOf([measure('w', { kind: 'count', atLeast: 1, per: 'week' }, { phases: ['norm-year', 'improvement-year'] })], keep);
    const keys = twoYears.map((o) => o.periodKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(twoYears.find((o) => o.periodKey === '2022-w35')).toMatchObject({ issueAt: '2022-08-29T00:00:00.000+08:00', dueAt: '2022-09-04T23:59:59.999+08:00' });
  });
});

describe('cycle deadlines', () => {
  it('recur every N years from the first due date, keyed by year', () => {
    const cycle = obligationsOf([measure('staffing-review', { kind: 'cycle', everyYears: 2, firstDue: '2021-12-15' })], keep);
    expect(cycle.map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10), o.phaseId])).toEqual([
      ['2021', '2021-09-01', '2021-12-15', 'norm-year'],
      ['2023', '2023-09-01', '2023-12-15', 'effectiveness-year'],
    ]);
  });
});

describe('phase-relative deadlines', () => {
  it('fall due relative to the start or end of a phase', () => {
    const relative = obligationsOf(
      [
        measure('summary-report', { kind: 'phase', phase: 'improvement-year', anchor: 'end', offsetDays: -10 }),
        measure('kick-off', { kind: 'phase', phase: 'improvement-year', anchor: 'start', offsetDays: 14 }),
      ],
      keep,
    );
    expect(relative.map((o) => [o.measureId, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10), o.phaseId])).toEqual([
      ['kick-off', '2022-09-01', '2022-09-15', 'improvement-year'],
      ['summary-report', '2022-09-01', '2023-08-21', 'improvement-year'],
    ]);
  });

  it('refuse an unknown phase', () => {
    expect(() => obligationsOf([measure('x', { kind: 'phase', phase: 'no-such-phase' })])).toThrow(/no-such-phase/);
  });
});

describe('holiday calendars', () => {
  it('use the calendar passed in', () => {
    const schedule = compileSchedule(definitionWith([measure('r', { kind: 'fixed', date: '2022-10-01' })]), { holidays: weekendsOnlyCalendar });
    expect(schedule.obligations[0].dueAt).toBe('2022-10-03T23:59:59.999+08:00');
  });

  it('move a due date across the National Day break onto the make-up Saturday', () => {
    expect(obligationsOf([measure('r', { kind: 'fixed', date: '2022-10-03' })])[0].dueAt).toBe('2022-10-08T23:59:59.999+08:00');
  });
});
