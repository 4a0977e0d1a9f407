import fc from 'fast-check';
import { addDays } from './local-date';
import { enumeratePeriods, periodContaining, type PeriodUnit } from './periods';
import { schoolYearOf, schoolYearSpan, semesterOf, semesterSpan } from './school-year';

const plan = { start: '2021-09-01', end: '2024-08-31' };

describe('school years and semesters', () => {
  it('names a school year by its start year', () => {
    expect(schoolYearSpan(2021)).toEqual({ start: '2021-09-01', end: '2022-08-31' });
    expect(schoolYearOf('2022-08-31')).toBe(2021);
    expect(schoolYearOf('2022-09-01')).toBe(2022);
  });

  it('splits the year at 1 February by default, and at any date given', () => {
    expect(semesterSpan(2023, 1)).toEqual({ start: '2023-09-01', end: '2024-01-31' });
    expect(semesterSpan(2023, 2)).toEqual({ start: '2024-02-01', end: '2024-08-31' });
    const split = { schoolYearStart: { month: 9, day: 1 }, secondSemesterStart: { month: 2, day: 20 } };
    expect(semesterSpan(2023, 1, split).end).toBe('2024-02-19');
    expect(semesterOf('2024-02-10', split)).toEqual({ schoolYear: 2023, semester: 1 });
    expect(semesterOf('2024-02-10')).toEqual({ schoolYear: 2023, semester: 2 });
  });
});

describe('enumeratePeriods', () => {
  it('lists the six semesters of a three-year plan', () => {
    expect(enumeratePeriods('semester', plan).map((p) => p.key)).toEqual(['2021-s1', '2021-s2', '2022-s1', '2022-s2', '2023-s1', '2023-s2']);
  });

  it('lists school years and calendar years overlapping the span', () => {
    expect(enumeratePeriods('school-year', plan).map((p) => p.key)).toEqual(['sy2021', 'sy2022', 'sy2023']);
    expect(enumeratePeriods('year', plan).map((p) => [p.key, p.start, p.end])).toEqual([
      ['2021', '2021-01-01', '2021-12-31'],
      ['2022', '2022-01-01', '2022-12-31'],
      ['2023', '2023-01-01', '2023-12-31'],
      ['2024', '2024-01-01', '2024-12-31'],
    ]);
  });

  it('keys months and ends February on the 29th in a leap year', () => {
    const months = enumeratePeriods('month', { start: '2024-01-15', end: '2024-03-01' });
    expect(months.map((p) => [p.key, p.end])).toEqual([
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-31'],
    ]);
  });

  it('uses ISO weeks with the ISO week-year across New Year', () => {
    const weeks = enumeratePeriods('week', { start: '2020-12-28', end: '2021-01-11' });
    expect(weeks.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2020-w53', '2020-12-28', '2021-01-03'],
      ['2021-w01', '2021-01-04', '2021-01-10'],
      ['2021-w02', '2021-01-11', '2021-01-17'],
    ]);
  });

  it('starts with the whole week that contains the first day', () => {
    expect(enumeratePeriods('week', plan)[0]).toEqual({ unit: 'week', key: '2021-w35', start: '2021-08-30', end: '2021-09-05' });
    expect(enumeratePeriods('week', plan)).toHaveLength(157);
  });

  it('returns nothing for an empty span', () => {
    expect(enumeratePeriods('month', { start: '2022-02-01', end: '2022-01-31' })).toEqual([]);
  });

  it('makes ASCII keys without ":"', () => {
    for (const unit of ['week', 'month', 'semester', 'school-year', 'year'] as PeriodUnit[]) {
      for (const period of enumeratePeriods(unit, plan)) expect(period.key).toMatch(/^[a-z0-9-]+$/);
    }
  });

  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const unit = fc.constantFrom<PeriodUnit>('week', 'month', 'semester', 'school-year', 'year');

  it('tiles any span: consecutive, gap-free, covering it, with unique keys', () => {
    fc.assert(
      fc.property(unit, day, fc.integer({ min: 0, max: 800 }), (u, start, length) => {
        const span = { start, end: addDays(start, length) };
        const periods = enumeratePeriods(u, span);
        expect(periods[0].start <= span.start).toBe(true);
        expect(periods[periods.length - 1].end >= span.end).toBe(true);
        for (let i = 1; i < periods.length; i++) expect(periods[i].start).toBe(addDays(periods[i - 1].end, 1));
        expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the period that contains a day', () => {
    fc.assert(
      fc.property(unit, day, (u, d) => {
        const period = periodContaining(u, d);
        expect(period.start <= d && d <= period.end).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
