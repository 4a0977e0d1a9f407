import fc from 'fast-check';
import { addDays, dekadSpan, halfYearSpan, monthSpan, type DateSpan } from '@planledger/calendar';
import { compileSchedule } from './compile-schedule';
import { definitionWith, measure } from './testing/plan-fixture';

// The fixture plan runs 2021-09-01 … 2024-08-31 in three theme years (norm, improvement, effectiveness).
const keep = { policy: { holidayRule: 'keep' as const } };
type Args = Parameters<typeof definitionWith>;
const obligationsOf = (...args: Args) => compileSchedule(definitionWith(...args)).obligations;
const days = (...args: Args) => obligationsOf(...args).map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10)]);

describe('coarse deadlines', () => {
  it('本月 / 3月份: due on the month\'s last day, issued on its first', () => {
    expect(days([measure('march', { kind: 'month', month: '2022-03' })], keep)).toEqual([['once', '2022-03-01', '2022-03-31']]);
  });

  it('are issued earlier when the first reminder comes before the period starts', () => {
    const early = measure('march', { kind: 'month', month: '2022-03' }, { reminders: { daysBefore: [40, 3] } });
    expect(days([early], keep)).toEqual([['once', '2022-02-19', '2022-03-31']]);
  });

  it('上旬 / 中旬 / 下旬: the last dekad of February ends on the 28th, or the 29th in a leap year', () => {
    expect(
      days(
        [
          measure('early', { kind: 'dekad', month: '2022-03', dekad: 'early' }),
          measure('mid', { kind: 'dekad', month: '2022-03', dekad: 'mid' }),
          measure('late-2023', { kind: 'dekad', month: '2023-02', dekad: 'late' }),
          measure('late-2024', { kind: 'dekad', month: '2024-02', dekad: 'late' }),
        ],
        keep,
      ),
    ).toEqual([
      ['once', '2022-03-01', '2022-03-10'],
      ['once', '2022-03-11', '2022-03-20'],
      ['once', '2023-02-21', '2023-02-28'],
      ['once', '2024-02-21', '2024-02-29'],
    ]);
  });

  it('上半年 / 下半年: due 30 June or 31 December, moved by the holiday rule like any deadline', () => {
    const second = [measure('h2', { kind: 'half-year', year: 2022, half: 'second' })];
    expect(days(second, keep)).toEqual([['once', '2022-07-01', '2022-12-31']]);
    // 31 December 2022 is a Saturday and 1–2 January 2023 the New Year holiday.
    expect(days(second)).toEqual([['once', '2022-07-01', '2023-01-03']]);
  });

  it('a window is issued when it opens and due when it closes, whatever the reminders', () => {
    const window = measure('self-review', { kind: 'window', from: '2022-04-01', to: '2022-04-30' }, { reminders: { daysBefore: [60, 1] } });
    expect(days([window], keep)).toEqual([['once', '2022-04-01', '2022-04-30']]);
  });

  it('尽快: 5 working days after its phase opens by default, or the policy\'s or its own number', () => {
    const asap = (deadline: Parameters<typeof measure>[1]) => measure('squad', deadline, { phases: ['improvement-year'] });
    // 2022-09-01 is a Thursday: Fri 2, Mon 5 … Thu 8 September.
    expect(days([asap({ kind: 'asap' })])).toEqual([['once', '2022-09-01', '2022-09-08']]);
    expect(days([asap({ kind: 'asap' })], { policy: { asapWorkingDays: 3 } })).toEqual([['once', '2022-09-01', '2022-09-06']]);
    // Ten working days pass over the Mid-Autumn holiday (10–12 September 2022).
    expect(days([asap({ kind: 'asap', workingDays: 10 })])).toEqual([['once', '2022-09-01', '2022-09-16']]);
  });

  it('are never issued before the measure\'s phase opens nor after the deliverable\'s phase has closed', () => {
    const limited = measure('sept', { kind: 'month', month: '2022-09' }, { phases: ['improvement-year'], reminders: { daysBefore: [20] } });
    expect(days([limited], keep)).toEqual([['once', '2022-09-01', '2022-09-30']]);
    const definition = definitionWith([], keep);
    definition.phases[0].deliverables.push({
      id: 'late-report',
      title: '规范年工作总结',
      responsible: { lead: 'teaching-office', co: [] },
      deadline: { kind: 'month', month: '2022-09' },
    });
    const [report] = compileSchedule(definition).obligations;
    expect([report.issueAt.slice(0, 10), report.dueAt.slice(0, 10), report.phaseId]).toEqual(['2022-08-31', '2022-09-30', 'norm-year']);
  });

  const planSpan: DateSpan = { start: '2021-09-01', end: '2024-08-31' };
  const coarse = fc.oneof(
    fc.record({ year: fc.integer({ min: 2021, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      return { deadline: { kind: 'month' as const, month: key }, period: monthSpan(key) };
    }),
    fc
      .record({ year: fc.integer({ min: 2021, max: 2024 }), month: fc.integer({ min: 1, max: 12 }), dekad: fc.constantFrom('early' as const, 'mid' as const, 'late' as const) })
      .map(({ year, month, dekad }) => {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        return { deadline: { kind: 'dekad' as const, month: key, dekad }, period: dekadSpan(key, dekad) };
      }),
    fc.record({ year: fc.integer({ min: 2022, max: 2023 }), half: fc.constantFrom('first' as const, 'second' as const) }).map(({ year, half }) => ({
      deadline: { kind: 'half-year' as const, year, half },
      period: halfYearSpan(year, half),
    })),
  );

  it('every due date is its period\'s last day, and the issue precedes it by at least the first reminder unless the plan opens later (property)', () => {
    fc.assert(
      fc.property(coarse, fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 3 }), ({ deadline, period }, reminders) => {
        fc.pre(period.end >= planSpan.start && period.end <= planSpan.end);
        const [o] = obligationsOf([measure('m', deadline, { reminders: { daysBefore: reminders } })], keep);
        const issueOn = o.issueAt.slice(0, 10);
        const dueOn = o.dueAt.slice(0, 10);
        expect(dueOn).toBe(period.end);
        expect(issueOn <= period.start || issueOn === planSpan.start).toBe(true);
        expect(issueOn <= addDays(dueOn, -Math.max(...reminders)) || issueOn === planSpan.start || issueOn === period.start).toBe(true);
        expect(issueOn >= planSpan.start).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('school-calendar deadlines', () => {
  const calendar = {
    schoolCalendar: {
      terms: [
        { schoolYear: 2021, term: 1 as const, start: '2021-08-30', end: '2022-01-14', midterm: '2021-11-05' },
        { schoolYear: 2021, term: 2 as const, start: '2022-02-14', end: '2022-07-01' },
      ],
    },
  };

  it('are anchored to each term\'s start, middle or end, with offsets in days or working days', () => {
    const terms = [
      measure('opening', { kind: 'term', anchor: 'start', offsetWorkingDays: 10 }, { phases: ['norm-year'] }),
      measure('midterm', { kind: 'term', anchor: 'mid', offsetDays: 7 }, { phases: ['norm-year'] }),
      measure('finals', { kind: 'term', anchor: 'end', offsetDays: -5, terms: [2] }, { phases: ['norm-year'] }),
    ];
    expect(days(terms, { ...keep, ...calendar })).toEqual([
      // Monday 30 Aug 2021 + 10 working days = Monday 13 September; the plan opens on 1 September, the issue day.
      ['2021-t1', '2021-09-01', '2021-09-13'],
      ['2021-t1', '2021-09-01', '2021-11-12'],
      // The spring term gives no mid-term: its middle day, 23 April 2022, + 7.
      ['2021-t2', '2022-02-14', '2022-04-30'],
      ['2021-t2', '2022-02-14', '2022-06-26'],
      // 14 Feb 2022 + 10 working days = 28 February.
      ['2021-t2', '2022-02-14', '2022-02-28'],
    ].sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
  });

  it('use the default terms where the plan gives none (1 Sep – 20 Jan, 1 Mar – 10 Jul)', () => {
    expect(days([measure('finals', { kind: 'term', anchor: 'end' }, { phases: ['improvement-year'] })], keep)).toEqual([
      ['2022-t1', '2022-09-01', '2023-01-20'],
      ['2022-t2', '2023-03-01', '2023-07-10'],
    ]);
  });

  it('每学期至少N次: one obligation per term, none for the holidays, scaled or skipped for a partial term', () => {
    const quota = (partial: 'scale' | 'skip') => [measure('visits', { kind: 'per-term', atLeast: 3, partial }, { phases: ['norm-year'] })];
    const counts = (partial: 'scale' | 'skip') =>
      obligationsOf(quota(partial), { ...keep, ...calendar }).map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10), o.requiredCount]);
    // The autumn term has 138 days, 136 of them inside the plan: round(3 × 136/138) = 3.
    expect(counts('scale')).toEqual([
      ['2021-t1', '2021-09-01', '2022-01-14', 3],
      ['2021-t2', '2022-02-14', '2022-07-01', 3],
    ]);
    expect(counts('skip')).toEqual([['2021-t2', '2022-02-14', '2022-07-01', 3]]);
    // Limited to a short stage: 20 of the spring term's 138 days give round(3 × 20/138) = 0, so none.
    const short = definitionWith([measure('visits', { kind: 'per-term', atLeast: 3 }, { phases: ['short'] })], {
      ...keep,
      ...calendar,
      phases: [
        { id: 'norm-year', name: '规范年', kind: 'theme-year', window: { schoolYear: 2021 } },
        { id: 'short', name: '短期阶段', window: { from: '2022-02-14', to: '2022-03-05' } },
        { id: 'half', name: '半学期', window: { from: '2022-04-23', to: '2022-07-01' } },
      ],
    });
    expect(compileSchedule(short).obligations).toEqual([]);
    short.measures[0].phases = ['half'];
    expect(compileSchedule(short).obligations.map((o) => [o.periodKey, o.requiredCount])).toEqual([['2021-t2', 2]]);
  });
});

describe('recurring deadlines', () => {
  const within = (phase: string) => ({ phases: [phase], reminders: { daysBefore: [1] } });

  it('daily: every working day, holidays and make-up days from the table', () => {
    const daily = days([measure('zero-report', { kind: 'daily' }, within('norm-year'))]).filter(([, , due]) => due >= '2021-09-28' && due <= '2021-10-12');
    // National Day 2021: 1–7 October off; Sunday 26 September and Saturday 9 October were make-up working days.
    expect(daily.map(([, , due]) => due)).toEqual(['2021-09-28', '2021-09-29', '2021-09-30', '2021-10-08', '2021-10-09', '2021-10-11', '2021-10-12']);
    expect(daily[0]).toEqual(['2021-09-28', '2021-09-28', '2021-09-28']);
  });

  it('weekly: every week on the weekday, issued the day after the previous one, keyed by ISO week', () => {
    const weekly = days([measure('weekly', { kind: 'weekly', weekday: 'fri' }, within('norm-year'))], keep).slice(0, 3);
    expect(weekly).toEqual([
      ['2021-w35', '2021-09-01', '2021-09-03'],
      ['2021-w36', '2021-09-04', '2021-09-10'],
      ['2021-w37', '2021-09-11', '2021-09-17'],
    ]);
  });

  it('monthly: on a day, or on the last working day, issued the day after the previous month\'s', () => {
    const last = days([measure('monthly', { kind: 'monthly', day: 'last-working-day' }, within('norm-year'))]).slice(0, 3);
    // 30 September 2021 is a Thursday; 31 October a Sunday (29th); 30 November a Tuesday.
    expect(last).toEqual([
      ['2021-09', '2021-09-01', '2021-09-30'],
      ['2021-10', '2021-10-01', '2021-10-29'],
      ['2021-11', '2021-10-30', '2021-11-30'],
    ]);
    const thirtyFirst = days([measure('monthly', { kind: 'monthly', day: 31 }, within('effectiveness-year'))], keep).map(([, , due]) => due);
    expect(thirtyFirst.slice(4, 7)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('yearly on the nth weekday, a lunar festival or a solar term, keyed by year', () => {
    expect(days([measure('mothers-day', { kind: 'nth-weekday', month: 5, nth: 2, weekday: 'sun', offsetDays: -2 })], keep)).toEqual([
      ['2022', '2022-01-01', '2022-05-06'],
      ['2023', '2023-01-01', '2023-05-12'],
      ['2024', '2024-01-01', '2024-05-10'],
    ]);
    expect(days([measure('dragon-boat', { kind: 'lunar', festival: 'dragon-boat' })], keep).map(([, , due]) => due)).toEqual(['2022-06-03', '2023-06-22', '2024-06-10']);
    expect(days([measure('mid-autumn', { kind: 'lunar', lunarMonth: 8, lunarDay: 15 })], keep).map(([, , due]) => due)).toEqual([
      '2021-09-21', '2022-09-10', '2023-09-29',
    ]);
    expect(days([measure('qingming', { kind: 'solar-term', term: 'qingming', offsetDays: -1 })], keep)).toEqual([
      ['2022', '2022-01-01', '2022-04-04'],
      ['2023', '2023-01-01', '2023-04-04'],
      ['2024', '2024-01-01', '2024-04-03'],
    ]);
  });

  it('an offset may carry an occurrence just outside the windows in or out', () => {
    // 中秋 2021 is 21 September: 25 days before is 27 August, before the plan opens, so out;
    // 中秋 2024 is 17 September, after the plan ends: 25 days before is 23 August, inside it, so in.
    expect(days([measure('early', { kind: 'lunar', festival: 'mid-autumn', offsetDays: -25 })], keep).map(([, , due]) => due)).toEqual([
      '2022-08-16', '2023-09-04', '2024-08-23',
    ]);
  });
});
