import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Issue #13 item 6: a deployer extends or overrides the holiday table with PLANLEDGER_HOLIDAYS_FILE;
// `planledger validate` and `simulate` read it as the service does. Run as a planner would.
const repoRoot = join(__dirname, '..', '..', '..', '..');

function planledger(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/planledger.cjs', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'planledger-holidays-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** basics.yaml two school years later: its yearly report is due Wednesday 30 June 2027, a year chinese-days does not cover. */
const plan2026 = write(
  'basics-2026.yaml',
  readFileSync(join(repoRoot, 'workflows/examples/basics.yaml'), 'utf8')
    .replace('fromSchoolYear: 2023, toSchoolYear: 2023', 'fromSchoolYear: 2026, toSchoolYear: 2026')
    .replace('schoolYear: 2023 }', 'schoolYear: 2026 }')
    .replace('issueDate: 2023-08-20', 'issueDate: 2026-08-20'),
);

/** A made-up notice for 2027: 30 June and 1 July off, Sunday 4 July worked instead. */
const holidays2027 = write(
  'holidays-2027.yaml',
  [
    '# what a deployer writes when a notice is out before chinese-days carries it',
    'days:',
    '  - { date: 2027-06-30, kind: holiday, name: 测试假日, notice: 测试〔2026〕1号 }',
    '  - { date: 2027-07-01, kind: holiday, name: 测试假日, notice: 测试〔2026〕1号 }',
    '  - { date: 2027-07-04, kind: working-day, name: 测试假日, notice: 测试〔2026〕1号 }',
    '',
  ].join('\n'),
);

const dueDatesOf = (stdout: string, measure: string): string[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; assignment?: string; detail?: string })
    .filter((e) => e.type === 'AssignmentIssued' && e.assignment?.startsWith(measure))
    .map((e) => /due (\d{4}-\d{2}-\d{2})/.exec(e.detail ?? '')?.[1] ?? '');

describe('PLANLEDGER_HOLIDAYS_FILE in the CLI', () => {
  it('without a file, validate warns that chinese-days does not cover 2027 and names the dates', () => {
    const run = planledger({}, 'validate', plan2026);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning: the holiday table \(China \(mainland\), chinese-days 1\.5\.7: years 2004–2026\) does not cover 2027; .*: 2027-06-30, 2027-08-31\n/);
    expect(run.stdout).toMatch(/PLANLEDGER_HOLIDAYS_FILE/);
  });

  it('a file adding 2027 covers it (no warning) and moves the due date past its days off', () => {
    const plain = planledger({}, 'simulate', '--json', plan2026);
    expect(plain.status).toBe(0);
    expect(dueDatesOf(plain.stdout, 'yearly-report.')).toEqual(['2027-06-30', '2027-06-30']);

    const extended = planledger({ PLANLEDGER_HOLIDAYS_FILE: holidays2027 }, 'simulate', '--json', plan2026);
    expect(extended.stderr).toBe('');
    expect(dueDatesOf(extended.stdout, 'yearly-report.')).toEqual(['2027-07-02', '2027-07-02']);

    const validated = planledger({ PLANLEDGER_HOLIDAYS_FILE: holidays2027 }, 'validate', plan2026);
    expect(validated.stdout).not.toMatch(/warning/);
  });

  it('a file may override a covered year too: a made-up day off in 2024 moves basics.yaml\'s report', () => {
    const file = write('override-2024.json', JSON.stringify({ days: [{ date: '2024-07-01', kind: 'holiday', name: '测试假日' }] }));
    const run = planledger({ PLANLEDGER_HOLIDAYS_FILE: file }, 'simulate', '--json', 'workflows/examples/basics.yaml');
    expect(dueDatesOf(run.stdout, 'yearly-report.')).toEqual(['2024-07-02', '2024-07-02']);
  });

  it('a bad file is refused with file:line, the variable, and no stack', () => {
    const bad = write('bad.yaml', ['days:', '  - { date: 2027-06-30, kind: holiday, name: 假日 }', '  - { date: 2027-13-01, kind: holiday, name: 假日 }', '  - { date: 2027-06-30, kind: day-off, name: 假日 }', ''].join('\n'));
    const run = planledger({ PLANLEDGER_HOLIDAYS_FILE: bad }, 'validate', 'workflows/examples/basics.yaml');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`PLANLEDGER_HOLIDAYS_FILE=${bad} is not a valid holiday file`);
    expect(run.stderr).toMatch(new RegExp(`${bad}:3:\\d+  days\\[1\\]\\.date: not a real calendar date`));
    expect(run.stderr).toMatch(new RegExp(`${bad}:4:\\d+  days\\[2\\]\\.kind: `));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file is one line naming the variable', () => {
    const run = planledger({ PLANLEDGER_HOLIDAYS_FILE: join(dir, 'nowhere.yaml') }, 'simulate', 'workflows/examples/basics.yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`PLANLEDGER_HOLIDAYS_FILE=${join(dir, 'nowhere.yaml')}: no such file\n`);
  });
});
