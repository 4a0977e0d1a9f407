import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real command, as a planner would: `planledger validate <file>` from the repo root.
const repoRoot = join(__dirname, '..', '..', '..', '..');
const fixture = 'apps/cli/src/__fixtures__/lianyun-five-mistakes.yaml';

function planledger(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/planledger.cjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr };
}

/** `file:line:column` of `needle` in a repository file, after its header comment. */
function locationOf(file: string, needle: string): string {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const offset = text.indexOf(needle, text.indexOf('\nplan:'));
  const before = text.slice(0, offset).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

const planFiles = readdirSync(join(repoRoot, 'workflows'))
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .filter((name) => /^plan:/m.test(readFileSync(join(repoRoot, 'workflows', name), 'utf8')));

describe('planledger validate', () => {
  it('finds the plans in workflows/', () => {
    expect(planFiles).toEqual(expect.arrayContaining(['lianyun-quality-2021-2024.yaml', 'county-basic-education-2022-2025.yaml']));
  });

  it.each(planFiles)('accepts workflows/%s with a summary', (name) => {
    const run = planledger('validate', `workflows/${name}`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^workflows/${name}: valid\\n`));
    expect(run.stdout).toMatch(/\d+ phases, \d+ measures/);
  });

  it.each(readdirSync(join(repoRoot, 'workflows')).filter((name) => /\.(ya?ml|json)$/.test(name) && !planFiles.includes(name)))(
    'accepts the shared departments file workflows/%s',
    (name) => {
      const run = planledger('validate', `workflows/${name}`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/valid departments file\n\s+\d+ departments, \d+ department classes/);
    },
  );

  it('summarises the Lianyun plan with its title and counts', () => {
    expect(planledger('validate', 'workflows/lianyun-quality-2021-2024.yaml').stdout).toBe(
      'workflows/lianyun-quality-2021-2024.yaml: valid\n' +
        '  連云區教育教學質量提升三年行動計劃(2021—2024年) (連區教〔2021〕124號)\n' +
        '  runs 2021-09-01 … 2024-08-31 (school years 2021—2023), published on 2021-11-25\n' +
        '  3 phases, 30 measures, 7 phase deliverables, 5 programmes\n' +
        '  23 departments, 4 department classes, 0 targets\n',
    );
  });

  it('reports all five planted mistakes with their locations and exits 1', () => {
    const run = planledger('validate', fixture);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      `${locationOf(fixture, 'leader: 區教育局 }')}  programmes[0].leader  unknown key "leader"; allowed keys here: id, name, description`,
      `${locationOf(fixture, '2024-12-31')}  phases[0].deliverables[0].deadline.date  "norm-year-implementation-plan" is due on 2024-12-31, outside the plan span 2021-09-01 … 2024-08-31`,
      `${locationOf(fixture, '{ from: 2022-06-01')}  phases[1].window  phase "improvement-year" (2022-06-01 … 2023-08-31) overlaps phase "norm-year" (2021-09-01 … 2022-08-31); theme years may not overlap each other (steps may: kind: step)`,
      expect.stringMatching(new RegExp(`^${locationOf(fixture, 'jiaoyan-shi')}  measures\\[2\\]\\.responsible\\.co\\[0\\]  unit "jiaoyan-shi" is not defined; defined units: lianyun-bureau, `)),
      `${locationOf(fixture, 'once,')}  measures[13].deadline.atLeast  expected a number, found text "once"`,
      '5 problems found',
      '',
    ]);
  });

  it('says clearly that a file is missing, without a stack trace', () => {
    const run = planledger('validate', 'workflows/no-such-plan.yaml');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('workflows/no-such-plan.yaml: no such file\n');
  });

  it('reports malformed YAML with its location, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planledger-validate-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'plan:\n  id: x\n  title: [unclosed\n');
    const run = planledger('validate', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+  \\(document\\)  the file cannot be read as YAML: `));
    expect(run.output).not.toMatch(/\n\s+at /);
  });

  it('says that a departments file given to simulate is not a plan, in one located message', () => {
    const file = 'workflows/county-basic-education-departments.yaml';
    const run = planledger('simulate', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${file}:\\d+:1  \\(document\\)  this is a departments file, not a plan: .*\\n1 problem found\\n$`));
  });

  it('refuses an unknown time zone at file:line:column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planledger-validate-'));
    const file = join(dir, 'zone.yaml');
    const plan = readFileSync(join(repoRoot, 'workflows/examples/basics.yaml'), 'utf8').replace('  issueDate: 2023-08-20\n', '  issueDate: 2023-08-20\n  timeZone: UTC+8\n');
    writeFileSync(file, plan);
    const line = plan.split('\n').findIndex((l) => l.includes('timeZone')) + 1;
    const run = planledger('validate', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${file}:${line}:13  plan.timeZone  time zone "UTC+8" is not a known IANA zone; write e.g. "Asia/Shanghai"\n1 problem found\n`);
  });

  it('lists a deadline before the issue date as a warning of a valid plan, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planledger-validate-'));
    const file = join(dir, 'early.yaml');
    const plan = readFileSync(join(repoRoot, 'workflows/examples/holiday-rules.yaml'), 'utf8').replace('issueDate: 2023-08-20', 'issueDate: 2023-10-05');
    writeFileSync(file, plan);
    const run = planledger('validate', file);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const warnings = run.stdout.split('\n').filter((l) => l.includes('warning:'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+  measures\\[0\\]\\.deadline\\.date  warning: "holiday-duty-roster" is due on 2023-10-03, before the plan is issued \\(2023-10-05\\)`));
  });

  it('warns, naming the dates, of deadlines in a year the holiday table does not cover', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planledger-validate-'));
    const file = join(dir, 'later.yaml');
    const plan = readFileSync(join(repoRoot, 'workflows/examples/basics.yaml'), 'utf8')
      .replace('fromSchoolYear: 2023, toSchoolYear: 2023', 'fromSchoolYear: 2026, toSchoolYear: 2026')
      .replace('schoolYear: 2023 }', 'schoolYear: 2026 }')
      .replace('issueDate: 2023-08-20', 'issueDate: 2026-08-20');
    writeFileSync(file, plan);
    const run = planledger('validate', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning: the holiday table \(China \(mainland\), chinese-days [\d.]+: years 2004–\d{4}\) does not cover 2027; .*: 2027-06-30, 2027-08-31\n.*PLANLEDGER_HOLIDAYS_FILE.*\n$/);
    expect(planledger('validate', 'workflows/examples/basics.yaml').stdout).not.toMatch(/warning/);
  });

  it('exits non-zero with usage help when the file argument is missing', () => {
    const run = planledger('validate');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/missing required argument 'file'/);
  });
});
