import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

// Issue 13 item 1: calendar spans, publication at the issue date, phases across a year end,
// open-ended phases and overlapping steps, as the compiler places them.
const campaign = planInput().plan;
const calendarPlan = { ...campaign, issueDate: '2023-10-20', span: { from: '2023-11-01', to: '2024-06-30' } };
const stages = [
  { id: 'mobilisation', name: '动员部署阶段', kind: 'stage' as const, window: { from: '2023-11-01', to: '2023-11-30' } },
  { id: 'implementation', name: '组织实施阶段', kind: 'stage' as const, window: { from: '2023-12-01', to: '2024-04-30' } },
  { id: 'summary', name: '总结表彰阶段', kind: 'stage' as const, window: { from: '2024-05-01' } },
];
const compileCampaign = (measures: Parameters<typeof definitionWith>[0], extra: Parameters<typeof definitionWith>[1] = {}) =>
  compileSchedule(definitionWith(measures, { plan: calendarPlan, phases: stages, ...extra }));

describe('a span by calendar dates', () => {
  it('runs from the first instant of its first day to the last of its last, and is published on its issue date', () => {
    const schedule = compileCampaign([]);
    expect(schedule).toMatchObject({
      startsAt: '2023-11-01T00:00:00.000+08:00',
      endsAt: '2024-06-30T23:59:59.999+08:00',
      publishesAt: '2023-10-20T00:00:00.000+08:00',
    });
  });

  it('is published on publishOn when the plan names one, and school-year spans on their issue date too', () => {
    expect(compileCampaign([], { plan: { ...calendarPlan, publishOn: '2023-10-23' } }).publishesAt).toBe('2023-10-23T00:00:00.000+08:00');
    expect(compileSchedule(definitionWith([])).publishesAt).toBe('2021-11-25T00:00:00.000+08:00');
  });

  it('runs a measure without phases only inside the span: one yearly report, issued when the span opens', () => {
    const schedule = compileCampaign([measure('year-end', { kind: 'yearly', month: 12, day: 'end' })]);
    expect(schedule.obligations.map((o) => [o.periodKey, o.issueAt, o.dueAt])).toEqual([
      // 31 December 2023 is a Sunday and 1 January a holiday: due Tuesday 2 January.
      ['2023', '2023-11-01T00:00:00.000+08:00', '2024-01-02T23:59:59.999+08:00'],
    ]);
  });

  it('owes a monthly count for the months of the span only', () => {
    const schedule = compileCampaign([measure('monthly', { kind: 'count', atLeast: 1, per: 'month' })]);
    expect(schedule.obligations.map((o) => o.periodKey)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(Math.min(...schedule.obligations.map((o) => Date.parse(o.issueAt)))).toBe(Date.parse(schedule.startsAt));
  });
});

describe('a phase across the year end', () => {
  it('owes a monthly count December to April, each in the phase', () => {
    const schedule = compileCampaign([measure('visits', { kind: 'count', atLeast: 1, per: 'month' }, { phases: ['implementation'] })]);
    expect(schedule.obligations.map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.phaseId])).toEqual([
      ['2023-12', '2023-12-01', 'implementation'],
      ['2024-01', '2024-01-01', 'implementation'],
      ['2024-02', '2024-02-01', 'implementation'],
      ['2024-03', '2024-03-01', 'implementation'],
      ['2024-04', '2024-04-01', 'implementation'],
    ]);
  });

  it('splits a yearly count at the calendar year and keeps a school-year count whole', () => {
    const perYear = compileCampaign([measure('meetings', { kind: 'count', atLeast: 2, per: 'year' }, { phases: ['implementation'] })]);
    expect(perYear.obligations.map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10)])).toEqual([
      ['2023', '2023-12-01', '2024-01-02'],
      ['2024', '2024-01-01', '2024-04-30'],
    ]);
    const perSchoolYear = compileCampaign([measure('meetings', { kind: 'count', atLeast: 2, per: 'school-year' }, { phases: ['implementation'] })]);
    expect(perSchoolYear.obligations.map((o) => [o.periodKey, o.issueAt.slice(0, 10), o.dueAt.slice(0, 10)])).toEqual([['sy2023', '2023-12-01', '2024-04-30']]);
  });
});

describe('an open-ended phase', () => {
  it('closes when the plan ends, and work due at its end is due then', () => {
    const schedule = compileCampaign([measure('summary-report', { kind: 'phase', phase: 'summary', anchor: 'end', offsetDays: 0 })]);
    expect(schedule.phases.find((p) => p.phaseId === 'summary')).toMatchObject({ opensAt: '2024-05-01T00:00:00.000+08:00', closesAt: schedule.endsAt });
    // 30 June 2024 is a Sunday, but a deadline is never pushed out of the plan.
    expect(schedule.obligations[0]).toMatchObject({ issueAt: '2024-05-01T00:00:00.000+08:00', dueAt: '2024-06-30T23:59:59.999+08:00', phaseId: 'summary' });
  });
});

describe('steps that overlap', () => {
  const steps = [
    { id: 'survey', name: '摸底排查', kind: 'step' as const, window: { from: '2024-03-01', to: '2024-04-30' } },
    { id: 'rectify', name: '集中整治', kind: 'step' as const, window: { from: '2024-04-01', to: '2024-06-30' } },
  ];

  it('opens and closes each step on its own dates', () => {
    const schedule = compileCampaign([], { phases: steps });
    expect(schedule.phases.map((p) => [p.phaseId, p.kind, p.opensAt.slice(0, 10), p.closesAt.slice(0, 10)])).toEqual([
      ['survey', 'step', '2024-03-01', '2024-04-30'],
      ['rectify', 'step', '2024-04-01', '2024-06-30'],
    ]);
  });

  it('owes a measure limited to both once per month, and gives a date in both to the step opened last', () => {
    const schedule = compileCampaign(
      [
        measure('ledger', { kind: 'count', atLeast: 1, per: 'month' }, { phases: ['survey', 'rectify'] }),
        measure('check', { kind: 'fixed', date: '2024-04-15' }),
      ],
      { phases: steps },
    );
    expect(schedule.obligations.filter((o) => o.measureId === 'ledger').map((o) => o.periodKey)).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(schedule.obligations.find((o) => o.measureId === 'check')).toMatchObject({ phaseId: 'rectify', issueAt: '2024-04-01T00:00:00.000+08:00' });
  });
});
