import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const example = 'workflows/examples/outside-events.yaml';
const planledger = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/planledger.cjs'), ...args], { cwd: repo, encoding: 'utf8' });

describe('planledger simulate --event (ADR 0015)', () => {
  it('issues nothing hanging on an event that is not recorded', () => {
    const run = planledger('simulate', example, '--json');
    expect(run.status).toBe(0);
    const types = run.stdout.trim().split('\n').map((l) => JSON.parse(l).type);
    expect(types).not.toContain('AssignmentIssued');
    expect(types).not.toContain('OutsideEventRecorded');
  });

  it('records the event at the given date and issues its work then, due relative to the event', () => {
    const run = planledger('simulate', example, '--json', '--event', 'visit=2024-05-20@2024-05-01');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.type === 'OutsideEventRecorded')).toMatchObject({ at: '2024-05-01T00:00:00+08:00', detail: 'visit #1 on 2024-05-20' });
    const issued = lines.filter((l) => l.type === 'AssignmentIssued');
    expect(issued.map((l) => l.assignment).sort()).toEqual(['rectify.school-a.visit-1', 'rectify.school-b.visit-1', 'self-check.school-a.visit-1', 'self-check.school-b.visit-1', 'visit-plan.school-a.visit-1', 'visit-plan.school-b.visit-1']);
    expect(issued.find((l) => l.assignment === 'self-check.school-a.visit-1').detail).toContain('due 2024-05-13T23:59:59.999+08:00');
    // 10 working days before 20 May, counted over the May Day holiday and its make-up Saturday (ADR 0020).
    expect(issued.find((l) => l.assignment === 'visit-plan.school-a.visit-1').detail).toContain('due 2024-05-07T23:59:59.999+08:00');
  });

  it.each([
    ['an event the plan does not name', 'festival=2024-05-20', /names no event "festival" \(it names: visit, exam, spot\)/],
    ['a value that is not ID=DATE', 'visit:2024-05-20', /is not ID=DATE/],
    ['a date that is no calendar date', 'visit=2024-02-30', /not a calendar date/],
  ])('refuses %s with exit code 2 and a one-line reason', (_what, value, message) => {
    const run = planledger('simulate', example, '--event', value);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
