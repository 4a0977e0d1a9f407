import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePlan } from './prepare-plan';

const workflows = join(__dirname, '../../../../workflows');
const lianyun = readFileSync(join(workflows, 'lianyun-quality-2021-2024.yaml'), 'utf8');

describe('preparePlan', () => {
  it('compiles an uploaded definition and keeps its source', () => {
    const prepared = preparePlan({ text: lianyun, fileName: 'lianyun.yaml' });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.schedule.obligations).toHaveLength(937);
    expect(prepared.source).toEqual({ fileName: 'lianyun.yaml', format: 'yaml', text: lianyun });
  });

  it('rebases to a start date', () => {
    const prepared = preparePlan({ text: lianyun, fileName: 'lianyun.yaml', rebase: '2026-11-23' });
    expect(prepared.ok && prepared.schedule.startsAt).toBe('2026-11-23T00:00:00.000+08:00');
  });

  it('reads a departments file from the uploaded files, and says which is missing', () => {
    const county = readFileSync(join(workflows, 'county-basic-education-2022-2025.yaml'), 'utf8');
    const departments = readFileSync(join(workflows, 'county-basic-education-departments.yaml'), 'utf8');
    expect(preparePlan({ text: county, fileName: 'county.yaml', files: { 'county-basic-education-departments.yaml': departments } }).ok).toBe(true);
    const missing = preparePlan({ text: county, fileName: 'county.yaml' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0].message).toMatch(/county-basic-education-departments\.yaml/);
  });

  it('carries the warnings validate prints: a deadline before the issue date (located), a year the holiday table does not cover (the whole plan)', () => {
    const example = readFileSync(join(workflows, 'examples/after-accepted.yaml'), 'utf8');
    expect(preparePlan({ text: example, fileName: 'a.yaml' })).toMatchObject({ ok: true, warnings: [] });
    const early = preparePlan({ text: example.replace('issueDate: 2023-08-20', 'issueDate: 2023-10-05'), fileName: 'a.yaml' });
    const line = example.split('\n').findIndex((l) => l.includes('date: 2023-09-30')) + 1;
    expect(early.ok && early.warnings).toEqual([expect.objectContaining({ file: 'a.yaml', line, path: 'measures[2].deadline.date', code: 'deadline-before-issue' })]);
    const far = preparePlan({ text: lianyun, fileName: 'lianyun.yaml', rebase: '2090-09-01' });
    expect(far.ok && far.warnings).toEqual([expect.objectContaining({ file: 'lianyun.yaml', line: 0, path: '', code: 'holidays-not-covered', message: expect.stringMatching(/does not cover 2090, 2091/) })]);
  });

  it('reports syntax errors with line and column', () => {
    const broken = preparePlan({ text: 'plan:\n  id: [unclosed\n', fileName: 'broken.yaml' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toEqual(expect.objectContaining({ file: 'broken.yaml', line: expect.any(Number), column: expect.any(Number) }));
  });

  it('refuses a bad rebase date or plan id, naming the query parameter', () => {
    const bad = preparePlan({ text: lianyun, fileName: 'l.yaml', rebase: 'tomorrow', planId: 'Bad Id' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(['planId']);
  });
});
