import type { Obligation, PlanSchedule } from '@planledger/domain';
import { previewPlan, weekStartOf } from './plan-preview';

const obligation = (measureId: string, departmentId: string, dueAt: string, extra: Partial<Obligation> = {}): Obligation => ({
  assignmentId: `${measureId}.${departmentId}.once`, measureId, title: `措施 ${measureId}`, phaseId: 'year-1', departmentId,
  responsibility: 'lead', periodKey: 'once', requiredCount: 1, issueAt: '2021-09-01T00:00:00.000+08:00', dueAt,
  reviewers: [], submitTo: 'office', remindDaysBefore: [7, 1], escalation: [{ afterDays: 3, to: 'office' }],
  ...extra,
});

const schedule: PlanSchedule = {
  planId: 'demo', title: '示例计划', documentNumber: '示教〔2021〕1号', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2023-08-31T23:59:59.999+08:00',
  departments: ['bureau', 'office', 'school-a', 'school-b'].map((id) => ({ id, name: `名称-${id}`, kind: 'school' })),
  phases: [
    { phaseId: 'year-2', name: '提升年', kind: 'theme-year', order: 1, opensAt: '2022-09-01T00:00:00.000+08:00', closesAt: '2023-08-31T23:59:59.999+08:00', focus: [] },
    { phaseId: 'year-1', name: '规范年', kind: 'theme-year', order: 0, opensAt: '2021-09-01T00:00:00.000+08:00', closesAt: '2022-08-31T23:59:59.999+08:00', focus: [] },
  ],
  obligations: [
    // Two deadlines on a Monday and a Sunday of one week (2021-11-29 … 2021-12-05), one later.
    obligation('report', 'school-a', '2021-11-29T23:59:59.999+08:00'),
    obligation('report', 'school-b', '2021-12-05T23:59:59.999+08:00'),
    obligation('summary', 'school-a', '2022-03-05T23:59:59.999+08:00', { responsibility: 'co', phaseId: 'year-2' }),
  ],
};

describe('previewPlan', () => {
  const preview = previewPlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' });

  it('given a plan, then its phases come in order with the instants the simulated run opened and closed them', () => {
    expect(preview.phases.map((p) => [p.phaseId, p.openedAt, p.closedAt !== null])).toEqual([
      ['year-1', '2021-09-01T00:00:00.000+08:00', true],
      ['year-2', '2022-09-01T00:00:00.000+08:00', true],
    ]);
    expect(preview.phases.map((p) => p.assignments)).toEqual([2, 1]);
  });

  it('counts the issued work per department, lead and co-responsible apart, most first, with the department names', () => {
    expect(preview.departments).toEqual([
      { departmentId: 'school-a', name: '名称-school-a', kind: 'school', assignments: 2, lead: 1, co: 1, firstDueAt: '2021-11-29T23:59:59.999+08:00' },
      { departmentId: 'school-b', name: '名称-school-b', kind: 'school', assignments: 1, lead: 1, co: 0, firstDueAt: '2021-12-05T23:59:59.999+08:00' },
    ]);
  });

  it('lists the first deadlines soonest first, and the weeks (Monday to Sunday in the plan zone) busiest first', () => {
    expect(preview.firstDeadlines.map((d) => d.assignmentId)).toEqual(['report.school-a.once', 'report.school-b.once', 'summary.school-a.once']);
    expect(preview.weeks).toEqual([{ weekStart: '2021-11-29', deadlines: 2 }, { weekStart: '2022-02-28', deadlines: 1 }]);
    expect(preview.busiestWeeks[0]).toEqual({ weekStart: '2021-11-29', deadlines: 2 });
    expect(preview.simulation).toMatchObject({ issued: 3, accepted: 3, overdue: 0, rejections: 0 });
  });

  it('reads the week from the wall date the instant is written in, not from UTC', () => {
    // 00:30 on a Monday in Shanghai is still Sunday in UTC.
    expect(weekStartOf('2021-11-29T00:30:00.000+08:00')).toBe('2021-11-29');
    expect(weekStartOf('2021-12-05T23:59:59.999+08:00')).toBe('2021-11-29');
  });
});
