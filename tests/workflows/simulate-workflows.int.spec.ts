import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulateWorkflow, workflowsDir } from './simulate-workflow';

/**
 * Golden tests: each plan in workflows/ simulated with everyone on time. The condensed timeline
 * (phases, counts per event type, assignments per measure) is compared with __golden__/; after
 * a deliberate change, refresh with `UPDATE_GOLDEN=1 npx jest tests/workflows`.
 */
const planFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f) && !f.includes('departments'));

describe.each(planFiles)('workflow %s', (file) => {
  const run = simulateWorkflow(file);

  it('simulates without any command refused', () => {
    expect(run.result.rejections).toEqual([]);
  });

  it('opens and closes every phase in order, at the plan dates (none opens before the plan is published)', () => {
    const phaseLines = run.entries.filter((e) => e.type === 'PhaseOpened' || e.type === 'PhaseClosed');
    const publishedAt = run.schedule.publishesAt ?? run.schedule.startsAt;
    const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
    const expected = [...run.schedule.phases]
      .sort((a, b) => a.order - b.order)
      .flatMap((p) => [
        { at: later(p.opensAt, publishedAt), type: 'PhaseOpened', phase: p.phaseId },
        { at: p.closesAt, type: 'PhaseClosed', phase: p.phaseId },
      ]);
    const actual = phaseLines.map((e) => ({ at: e.at, type: e.type, phase: e.phase }));
    expect(actual.map((a) => Date.parse(a.at))).toEqual([...actual.map((a) => Date.parse(a.at))].sort((x, y) => x - y));
    expect(actual.map((a) => [Date.parse(a.at), a.type, a.phase]).sort()).toEqual(expected.map((e) => [Date.parse(e.at), e.type, e.phase]).sort());
  });

  // Work after an accepted step (after-accepted) is issued too; standing duties (常态化) stay open.
  // Work hanging on an outside event is not: no planner records one in this run.
  it('issues every obligation of every measure to every responsible unit, and all dated ones are accepted', () => {
    const issued = run.entries.filter((e) => e.type === 'AssignmentIssued').map((e) => e.assignment).sort();
    const followOns = run.schedule.obligations.flatMap((o) => o.followOns ?? []).map((f) => f.assignmentId);
    expect(issued).toEqual([...run.schedule.obligations.map((o) => o.assignmentId), ...followOns].sort());
    const standing = run.schedule.obligations.filter((o) => o.standing).length;
    expect(run.result.eventsByType.AssignmentAccepted).toBe(issued.length - standing);
    expect(run.result.eventsByType.AssignmentOverdue).toBeUndefined();
  });

  it('matches its golden timeline summary', () => {
    const perMeasure: Record<string, number> = {};
    for (const o of run.schedule.obligations) perMeasure[o.measureId] = (perMeasure[o.measureId] ?? 0) + 1;
    const summary = {
      plan: run.schedule.planId,
      phases: run.entries.filter((e) => e.type.startsWith('Phase') && e.type !== 'PhaseScheduled').map((e) => `${e.at} ${e.type} ${e.phase} ${e.detail}`),
      eventsByType: Object.fromEntries(Object.entries(run.result.eventsByType).sort()),
      assignmentsPerMeasure: Object.fromEntries(Object.entries(perMeasure).sort()),
      firstIssued: run.entries.filter((e) => e.type === 'AssignmentIssued').slice(0, 5).map((e) => `${e.at} ${e.assignment}`),
      lastEvents: run.entries.slice(-3).map((e) => `${e.at} ${e.type} ${e.assignment ?? e.phase ?? ''}`),
    };
    const golden = join(__dirname, '__golden__', file.replace(/\.ya?ml$/, '.summary.json'));
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, JSON.stringify(summary, null, 2) + '\n');
    expect(summary).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});

describe('the Lianyun plan', () => {
  const file = 'lianyun-quality-2021-2024.yaml';
  const onTime = simulateWorkflow(file);

  it('runs its three theme years over the school years 2021—2024, from its issue date (25 November 2021) on', () => {
    const opened = onTime.entries.filter((e) => e.type === 'PhaseOpened').map((e) => [e.at.slice(0, 10), e.detail]);
    expect(onTime.entries[1]).toMatchObject({ type: 'PlanPublished', at: '2021-11-25T00:00:00.000+08:00' });
    expect(opened).toEqual([
      ['2021-11-25', '教育教學規范年'],
      ['2022-09-01', '課堂教學提升年'],
      ['2023-09-01', '課堂教學效益年'],
    ]);
  });

  it('fans a measure for every school out to each school', () => {
    const { schedule } = onTime;
    const schools = schedule.departments.filter((d) => d.kind === 'school').map((d) => d.id);
    const bySchool = new Set(schedule.obligations.filter((o) => schools.includes(o.departmentId)).map((o) => o.departmentId));
    expect([...bySchool].sort()).toEqual([...schools].sort());
  });

  it('with one school late, shows reminders, overdue marks and escalations for that school only', () => {
    const school = onTime.schedule.departments.find((d) => d.kind === 'school')!.id;
    const { entries } = simulateWorkflow(file, { late: new Set([school]) });
    for (const type of ['AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated']) {
      const departments = new Set(entries.filter((e) => e.type === type).map((e) => e.department));
      expect([...departments]).toEqual([school]);
    }
  });
});

describe('the city reform plan', () => {
  const file = 'city-reform-basic-education-2022-2025.yaml';

  // ADR 0015 (amended): after a step with co-responsible units, "accepted" is the lead's acceptance.
  it('issues the schools\' distribution rules when the bureau\'s performance-pay guidance is accepted, not when its co-responsible 人社局 and 财政局 are', () => {
    const { entries } = simulateWorkflow(file, { late: new Set(['city-education-bureau']) });
    const acceptedAt = (assignment: string) => entries.find((e) => e.type === 'AssignmentAccepted' && e.assignment === assignment)!.at;
    const lead = acceptedAt('performance-pay-guidance.city-education-bureau.once');
    const coUnits = ['city-hr-social-security', 'city-finance-bureau'].map((unit) => acceptedAt(`performance-pay-guidance.${unit}.once`));
    const issued = entries.filter((e) => e.type === 'AssignmentIssued' && e.assignment?.startsWith('school-distribution-rules.'));
    expect(issued.length).toBeGreaterThan(0);
    for (const co of coUnits) expect(Date.parse(co)).toBeLessThan(Date.parse(lead));
    expect(new Set(issued.map((e) => Date.parse(e.at)))).toEqual(new Set([Date.parse(lead)]));
  });
});
