import { assignmentDecider, fold, type AssignmentEvent, type FindingRecorded, type PlanSchedule, type PlanledgerEvent } from '@planledger/domain';
import { simulatePlan, type SimulationOptions } from './simulate-plan';

/** ADR 0024 in the simulator: an inspection with two findings issues two rectifications, each through the review chain. */
const schedule: PlanSchedule = {
  planId: 'demo', title: '示例计划', documentNumber: '示教〔2021〕1号', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2022-08-31T23:59:59.999+08:00', escalationDefault: 'leading-group',
  departments: ['bureau', 'supervision', 'leading-group', 'school-a', 'school-b'].map((id) => ({ id, name: id, kind: 'school' })),
  phases: [{ phaseId: 'year-1', name: '规范年', kind: 'theme-year', order: 0, opensAt: '2021-09-01T00:00:00.000+08:00', closesAt: '2022-08-31T23:59:59.999+08:00', focus: [] }],
  obligations: [],
  inspections: [{ inspectionId: 'spring', name: '春季开学专项督查', inspectingUnitId: 'supervision', unitIds: ['school-a', 'school-b'], date: '2022-03-01', rectificationDays: 30 }],
};

function run(options: Partial<SimulationOptions>) {
  const events: { event: PlanledgerEvent; stream: string }[] = [];
  const result = simulatePlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { ...options, onEvent: (event, stream) => events.push({ event, stream }) });
  return { result, events };
}

const inspection = { at: '2022-03-01T16:00:00.000+08:00', inspectionId: 'spring', date: '2022-03-01' };
const findings: SimulationOptions['findings'] = [
  { at: '2022-03-01T17:00:00.000+08:00', inspectionId: 'spring', unitId: 'school-a', text: '作业公示不到位', code: 'homework' },
  { at: '2022-03-01T17:00:00.000+08:00', inspectionId: 'spring', unitId: 'school-b', text: '课后服务台账不全' },
];

describe('simulated inspections', () => {
  it('two findings issue two rectifications to the inspected schools, reviewed and accepted by the inspecting unit', () => {
    const { result, events } = run({ inspections: [inspection], findings });
    expect(result.rejections).toEqual([]);
    const ids = ['rectify-spring.school-a.finding-1', 'rectify-spring.school-b.finding-2'];
    for (const id of ids) {
      const stream = events.filter((e) => e.stream === `assignment-demo.${id}`).map((e) => e.event as AssignmentEvent);
      const state = fold(assignmentDecider, stream);
      expect(state.obligation).toMatchObject({ departmentId: id.split('.')[1], reviewers: ['supervision'], dueAt: '2022-03-31T09:00:00.000Z' });
      expect(state.status).toBe('accepted');
      expect(stream.find((e) => e.type === 'AssignmentAccepted')?.data).toMatchObject({ reviewer: 'supervision' });
    }
  });

  it('a silent school\'s rectification goes overdue and is escalated to the leading group, like any work', () => {
    const { events } = run({ inspections: [inspection], findings, behaviour: { silent: new Set(['school-b']) } });
    const stream = events.filter((e) => e.stream === 'assignment-demo.rectify-spring.school-b.finding-2').map((e) => e.event.type);
    expect(stream).toEqual(expect.arrayContaining(['AssignmentIssued', 'AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated']));
    const escalated = events.find((e) => e.event.type === 'AssignmentEscalated')!.event as Extract<AssignmentEvent, { type: 'AssignmentEscalated' }>;
    expect(escalated.data.to).toBe('leading-group');
  });

  it('a later finding of the same code for the same school is marked as repeating the first', () => {
    const autumn = { at: '2022-06-01T16:00:00.000+08:00', inspectionId: 'autumn', date: '2022-06-01', inspectingUnitId: 'supervision', unitIds: ['school-a'] };
    const again = { at: '2022-06-01T17:00:00.000+08:00', inspectionId: 'autumn', unitId: 'school-a', text: '作业总量仍超标', code: 'homework' };
    const { events } = run({ inspections: [inspection, autumn], findings: [...findings!, again] });
    const recorded = events.map((e) => e.event).filter((e): e is FindingRecorded => e.type === 'FindingRecorded');
    expect(recorded.map((f) => [f.data.findingId, f.data.repeatOf ?? null])).toEqual([['spring-1', null], ['spring-2', null], ['autumn-1', 'spring-1']]);
  });
});
