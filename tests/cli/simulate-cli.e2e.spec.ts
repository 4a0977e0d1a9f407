import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const lianyun = 'workflows/lianyun-quality-2021-2024.yaml';
const planledger = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/planledger.cjs'), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

describe('planledger simulate', () => {
  it('prints one JSON object per line with the business time in the plan zone', () => {
    const run = planledger('simulate', lianyun, '--json', '--until', '2021-12-31');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toEqual(expect.objectContaining({ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/), type: expect.any(String), plan: 'lianyun-quality-2021-2024' }));
      expect(Date.parse(line.at)).toBeLessThanOrEqual(Date.parse('2021-12-31T23:59:59.999+08:00'));
    }
    const issued = lines.find((l) => l.type === 'AssignmentIssued');
    expect(issued).toEqual(expect.objectContaining({ measure: expect.any(String), department: expect.any(String), assignment: expect.any(String) }));
    expect(lines.find((l) => l.type === 'PhaseOpened')).toEqual(expect.objectContaining({ phase: 'norm-year' }));
  });

  it('with --late shows reminders, overdue marks and escalations for that school only', () => {
    const run = planledger('simulate', lianyun, '--json', '--late', 'xugou-primary');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const type of ['AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated']) {
      const departments = new Set(lines.filter((l) => l.type === type).map((l) => l.department));
      expect([...departments]).toEqual(['xugou-primary']);
    }
  });

  it('prints a readable timeline with a summary by default', () => {
    const run = planledger('simulate', lianyun, '--silent', 'haibin-primary', '--until', '2022-12-31');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/PhaseOpened\s+norm-year\s+教育教學規范年/);
    expect(run.stdout).toMatch(/AssignmentEscalated\s+haibin-primary/);
    expect(run.stdout).toMatch(/\d+ events until 2022-1\d-/);
  });

  it('rejects an unknown department and a bad date with a clear message, no stack trace', () => {
    const unknown = planledger('simulate', lianyun, '--late', 'no-such-school');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--late: the plan has no department "no-such-school"');
    const badDate = planledger('simulate', lianyun, '--until', '2022-13-45');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--until');
    expect(badDate.stderr + unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing file without a stack trace', () => {
    const run = planledger('simulate', 'workflows/missing.yaml');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('workflows/missing.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('with --amend puts the new version in force at that date: open work cancelled or re-dated, the new obligations issued', () => {
    const amended = 'tests/equivalence/plans/lianyun-quality-2021-2024.amended.yaml';
    const run = planledger('simulate', lianyun, '--json', '--silent', 'haibin-primary', '--until', '2022-06-30', '--amend', `${amended}@2022-03-01`);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const amendedLine = lines.find((l) => l.type === 'PlanAmended');
    expect(amendedLine).toEqual(expect.objectContaining({ at: '2022-03-01T00:00:00+08:00', detail: expect.stringContaining('lianyun-quality-2021-2024.amended.yaml') }));
    expect([...new Set(lines.filter((l) => l.type === 'AssignmentCancelled').map((l) => l.measure))].sort()).toEqual(['after-school-service', 'norm-management']);
    expect(lines.find((l) => l.type === 'AssignmentDeadlineMoved')).toEqual(expect.objectContaining({ department: 'haibin-primary', assignment: 'norm-year-school-plans.haibin-primary.once' }));
    expect(lines.some((l) => l.type === 'AssignmentIssued' && l.assignment?.startsWith('norm-management.') && l.assignment.endsWith('.2022'))).toBe(true);
  });

  it('rejects a malformed --amend and another plan\'s file with a clear message', () => {
    const malformed = planledger('simulate', lianyun, '--amend', 'new-version.yaml');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--amend: "new-version.yaml" is not FILE@DATE');
    const otherPlan = planledger('simulate', lianyun, '--amend', 'workflows/county-basic-education-2022-2025.yaml@2022-03-01');
    expect(otherPlan.status).toBe(2);
    expect(otherPlan.stderr).toContain('is plan "county-basic-education-2022-2025", not "lianyun-quality-2021-2024"');
    expect(malformed.stderr + otherPlan.stderr).not.toMatch(/\n\s+at /);
  });
});
