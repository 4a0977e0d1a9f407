import { assignmentDecider, fold, type AssignmentEvent, type Obligation, type PlanSchedule, type PlanledgerEvent } from '@planledger/domain';
import { simulatePlan, type SimulationOptions } from './simulate-plan';

const obligation = (measureId: string, departmentId: string, dueAt: string, extra: Partial<Obligation> = {}): Obligation => ({
  assignmentId: `${measureId}.${departmentId}.2022`, measureId, title: `措施 ${measureId}`, phaseId: 'year-1', departmentId,
  responsibility: 'lead', periodKey: '2022', requiredCount: 1, issueAt: '2021-09-01T00:00:00.000+08:00', dueAt,
  reviewers: [], submitTo: 'office', remindDaysBefore: [7, 1], escalation: [{ afterDays: 3, to: 'office' }, { afterDays: 10, to: 'leading-group' }],
  ...extra,
});

const schedule: PlanSchedule = {
  planId: 'demo', title: '示例计划', documentNumber: '示教〔2021〕1号', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2023-08-31T23:59:59.999+08:00',
  departments: ['bureau', 'office', 'leading-group', 'school-a', 'school-b', 'school-c'].map((id) => ({ id, name: id, kind: 'school' })),
  phases: [
    { phaseId: 'year-1', name: '规范年', kind: 'theme-year', order: 0, opensAt: '2021-09-01T00:00:00.000+08:00', closesAt: '2022-08-31T23:59:59.999+08:00', focus: [] },
    { phaseId: 'year-2', name: '提升年', kind: 'theme-year', order: 1, opensAt: '2022-09-01T00:00:00.000+08:00', closesAt: '2023-08-31T23:59:59.999+08:00', focus: [] },
  ],
  obligations: ['school-a', 'school-b', 'school-c'].flatMap((s) => [
    obligation('report', s, '2021-11-30T23:59:59.999+08:00'),
    obligation('review', s, '2022-03-05T23:59:59.999+08:00', { reviewers: ['liaison-1'], requiredCount: 2, assignmentId: `review.${s}.once` }),
  ]),
};

function run(options: Partial<SimulationOptions> = {}) {
  const events: { event: PlanledgerEvent; stream: string }[] = [];
  const result = simulatePlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { ...options, onEvent: (event, stream) => events.push({ event, stream }) });
  return { result, events, types: events.map((e) => e.event.type) };
}

const forDepartment = (events: { event: PlanledgerEvent }[], type: string, department: string) =>
  events.filter(({ event }) => event.type === type && JSON.stringify(event.data).includes(`"${department}`));

describe('simulatePlan', () => {
  it('given a plan, when simulated with everyone on time, then phases open and close in order and every obligation is issued and accepted', () => {
    const { result, events } = run();
    const phaseEvents = events.filter((e) => e.event.type === 'PhaseOpened' || e.event.type === 'PhaseClosed').map((e) => `${e.event.type}:${(e.event.data as { phaseId: string }).phaseId}`);
    expect(phaseEvents).toEqual(['PhaseOpened:year-1', 'PhaseClosed:year-1', 'PhaseOpened:year-2', 'PhaseClosed:year-2']);
    expect(result.eventsByType.AssignmentIssued).toBe(schedule.obligations.length);
    expect(result.eventsByType.AssignmentAccepted).toBe(schedule.obligations.length);
    expect(result.eventsByType.AssignmentOverdue).toBeUndefined();
    expect(result.eventsByType.AssignmentReminderDue).toBeUndefined();
    expect(result.rejections).toEqual([]);
    expect(events.at(-1)!.event.type).toBe('PlanClosed');
  });

  it('given a review chain, then the liaison passes the work on and the office accepts it', () => {
    const { events } = run();
    const chain = events.filter((e) => e.stream === 'assignment-demo.review.school-a.once').map((e) => e.event.type);
    expect(chain).toEqual([
      'AssignmentIssued', 'AssignmentAcknowledged', 'AssignmentProgressReported', 'AssignmentProgressReported',
      'AssignmentSubmitted', 'AssignmentReviewPassed', 'AssignmentAccepted',
    ]);
  });

  it('given one late school, then only that school gets reminders, overdue marks and escalations, and submits late', () => {
    const { events } = run({ behaviour: { late: new Set(['school-b']) } });
    for (const type of ['AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated']) {
      expect(forDepartment(events, type, 'school-b').length).toBeGreaterThan(0);
      expect(forDepartment(events, type, 'school-a')).toHaveLength(0);
      expect(forDepartment(events, type, 'school-c')).toHaveLength(0);
    }
    const escalations = forDepartment(events, 'AssignmentEscalated', 'school-b').map((e) => (e.event as Extract<AssignmentEvent, { type: 'AssignmentEscalated' }>).data);
    expect(escalations.map((e) => [e.level, e.to])).toEqual([[1, 'office'], [2, 'leading-group'], [1, 'office'], [2, 'leading-group']]);
    const submitted = events.filter((e) => e.event.type === 'AssignmentSubmitted' && e.stream.includes('school-b'));
    expect(submitted.every((e) => (e.event as Extract<AssignmentEvent, { type: 'AssignmentSubmitted' }>).data.late)).toBe(true);
  });

  it('given a silent school, then its work is never submitted and it is escalated to every level', () => {
    const { events, result } = run({ behaviour: { silent: new Set(['school-c']) } });
    expect(forDepartment(events, 'AssignmentSubmitted', 'school-c')).toHaveLength(0);
    expect(forDepartment(events, 'AssignmentEscalated', 'school-c')).toHaveLength(4);
    expect(result.eventsByType.AssignmentAccepted).toBe(schedule.obligations.length - 2);
  });

  it('given --until, then nothing after that instant happens', () => {
    const until = '2021-12-31T23:59:59.999+08:00';
    const { events } = run({ until });
    expect(events.every((e) => Date.parse(e.event.at) <= Date.parse(until))).toBe(true);
    expect(events.some((e) => e.event.type === 'AssignmentAccepted')).toBe(true);
    expect(events.some((e) => e.event.type === 'PhaseClosed')).toBe(false);
  });

  it('is deterministic, in business-time order, and each stream replays to the state the run reached', () => {
    const first = run({ behaviour: { late: new Set(['school-a']) } });
    const second = run({ behaviour: { late: new Set(['school-a']) } });
    expect(second.events).toEqual(first.events);
    const times = first.events.map((e) => Date.parse(e.event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const stream = first.events.filter((e) => e.stream === 'assignment-demo.report.school-a.2022').map((e) => e.event as AssignmentEvent);
    const replayed = fold(assignmentDecider, stream);
    expect(replayed.status).toBe('accepted');
    expect(replayed.escalationLevel).toBe(2);
  });

  describe('with an amendment', () => {
    const amendedAt = '2021-11-01T00:00:00.000+08:00';
    // report for school-a moves a month later; review for school-b is dropped; a third year-phase is added.
    const amended: PlanSchedule = {
      ...schedule,
      endsAt: '2024-08-31T23:59:59.999+08:00',
      phases: [...schedule.phases, { phaseId: 'year-3', name: '效益年', kind: 'theme-year', order: 2, opensAt: '2023-09-01T00:00:00.000+08:00', closesAt: '2024-08-31T23:59:59.999+08:00', focus: [] }],
      obligations: schedule.obligations
        .filter((o) => o.assignmentId !== 'review.school-b.once')
        .map((o) => (o.assignmentId === 'report.school-a.2022' ? { ...o, dueAt: '2021-12-31T23:59:59.999+08:00' } : o)),
    };
    const amend = (behaviour = {}) => run({ behaviour, amendments: [{ at: amendedAt, schedule: amended, reason: '调整' }] });

    it('re-dates open work, cancels dropped work, schedules the added phase, and the people follow the new deadline', () => {
      const { events, result } = amend();
      expect(result.rejections).toEqual([]);
      const of = (stream: string) => events.filter((e) => e.stream === stream).map((e) => e.event.type);
      expect(of('assignment-demo.report.school-a.2022')).toEqual(['AssignmentIssued', 'AssignmentAcknowledged', 'AssignmentDeadlineMoved', 'AssignmentSubmitted', 'AssignmentAccepted']);
      expect(of('assignment-demo.review.school-b.once')).toEqual(['AssignmentIssued', 'AssignmentAcknowledged', 'AssignmentProgressReported', 'AssignmentCancelled']);
      expect(of('phase-demo.year-3')).toEqual(['PhaseScheduled', 'PhaseOpened', 'PhaseClosingStarted', 'PhaseClosed']);
      const submitted = events.find((e) => e.stream === 'assignment-demo.report.school-a.2022' && e.event.type === 'AssignmentSubmitted')!;
      expect(Date.parse(submitted.event.at)).toBeGreaterThan(Date.parse('2021-12-01T00:00:00.000+08:00'));
      const closed = events.filter((e) => e.event.type === 'PlanClosed');
      expect(closed.map((e) => e.event.at)).toEqual(['2024-08-31T23:59:59.999+08:00']);
    });
    it('a late school is reminded and escalated against the new deadline, never the old one', () => {
      const { events } = amend({ late: new Set(['school-a']) });
      const reminders = events.filter((e) => e.stream === 'assignment-demo.report.school-a.2022' && e.event.type === 'AssignmentReminderDue');
      expect(reminders.map((e) => Date.parse(e.event.at))).toEqual([Date.parse('2021-12-24T23:59:59.999+08:00'), Date.parse('2021-12-30T23:59:59.999+08:00')]);
      expect(events.some((e) => e.stream === 'assignment-demo.review.school-b.once' && e.event.type === 'AssignmentOverdue')).toBe(false);
    });
    it('reports every command a person gave, in order, for a replay against the service', () => {
      const actions: string[] = [];
      simulatePlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' }, {
        amendments: [{ at: amendedAt, schedule: amended, reason: '调整' }],
        until: '2021-12-31T23:59:59.999+08:00',
        onEvent: () => undefined,
        onAction: (a) => actions.push(`${a.command.type} ${a.actor.userId}`),
      });
      expect(actions.slice(0, 3)).toEqual(['DraftPlan planner', 'PublishPlan planner', 'AcknowledgeAssignment school-a-head']);
      expect(actions).toContain('AmendPlan planner');
    });
  });
  describe('publication (issue 13: at the issue date, not the span start)', () => {
    const published = (s: PlanSchedule, options: Partial<SimulationOptions> = {}) => {
      const events: PlanledgerEvent[] = [];
      simulatePlan(s, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { ...options, onEvent: (event) => events.push(event) });
      return events;
    };

    it('given a schedule that says when it is published, when simulated, then it is drafted and published then, before its span', () => {
      const events = published({ ...schedule, publishesAt: '2021-08-20T00:00:00.000+08:00' });
      expect(events.slice(0, 2).map((e) => [e.type, e.at])).toEqual([['PlanDrafted', '2021-08-20T00:00:00.000+08:00'], ['PlanPublished', '2021-08-20T00:00:00.000+08:00']]);
      expect(events.find((e) => e.type === 'PhaseOpened')!.at).toBe('2021-09-01T00:00:00.000+08:00');
    });

    it('given a schedule published after its span started, then nothing is issued or opened before the publication', () => {
      const publishesAt = '2021-10-15T00:00:00.000+08:00';
      const events = published({ ...schedule, publishesAt });
      const early = events.filter((e) => ['AssignmentIssued', 'PhaseOpened'].includes(e.type));
      expect(early.length).toBeGreaterThan(0);
      for (const e of early) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(publishesAt));
      expect(events.find((e) => e.type === 'AssignmentIssued')!.at).toBe(publishesAt);
    });

    it('given an explicit publishAt, then it wins over the schedule; given neither (a schedule stored before publishesAt), the span start', () => {
      expect(published({ ...schedule, publishesAt: '2021-08-20T00:00:00.000+08:00' }, { publishAt: '2021-08-25T09:00:00.000+08:00' })[1].at).toBe('2021-08-25T09:00:00.000+08:00');
      expect(published(schedule)[1].at).toBe(schedule.startsAt);
    });
  });
});
