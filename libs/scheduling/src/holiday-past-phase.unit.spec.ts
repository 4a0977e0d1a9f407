import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

// Issue #13 item 11: a deliverable whose due date the holiday rule moves past its phase's end
// was issued only when the next phase opened, so its reminders were lost.
describe('a due date the holiday rule moves past the end of its phase', () => {
  // Two stages of the 2021–2024 plan: the first ends on 2022-04-30, in the Labour Day holiday
  // (2022-04-30 … 2022-05-04); the next working day, 2022-05-05, lies in the second stage.
  const phases = [
    ...planInput().phases,
    { id: 'spring-stage', name: '春季阶段', kind: 'stage' as const, window: { from: '2022-01-01', to: '2022-04-30' } },
    { id: 'summer-stage', name: '夏季阶段', kind: 'stage' as const, window: { from: '2022-05-01', to: '2022-08-31' } },
  ];

  it('is still issued when its own phase opens, and due on the next working day', () => {
    const schedule = compileSchedule(
      definitionWith([measure('spring-report', { kind: 'fixed', date: '2022-04-30' })], { phases, policy: { holidayRule: 'next-working-day' } }),
    );
    expect(schedule.obligations[0]).toMatchObject({
      phaseId: 'spring-stage',
      issueAt: '2022-01-01T00:00:00.000+08:00',
      dueAt: '2022-05-05T23:59:59.999+08:00',
    });
  });

  it('stays where it was written when the rule keeps the date', () => {
    const schedule = compileSchedule(
      definitionWith([measure('spring-report', { kind: 'fixed', date: '2022-04-30' })], { phases, policy: { holidayRule: 'keep' } }),
    );
    expect(schedule.obligations[0]).toMatchObject({
      phaseId: 'spring-stage',
      issueAt: '2022-01-01T00:00:00.000+08:00',
      dueAt: '2022-04-30T23:59:59.999+08:00',
    });
  });
});
