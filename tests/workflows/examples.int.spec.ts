import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every example in workflows/examples/ validates, and simulates as its comments say: the
 * timeline `planledger simulate` prints is compared with `<example>.expected.txt` beside it.
 * An example may give simulate's arguments in a header line `# simulate: --late school-a`.
 * After a deliberate change, refresh with `UPDATE_GOLDEN=1 npx jest tests/workflows/examples`.
 */
const repoRoot = join(__dirname, '..', '..');
const examplesDir = join(repoRoot, 'workflows', 'examples');
const cli = join(repoRoot, 'bin', 'planledger.cjs');
const examples = readdirSync(examplesDir).filter((f) => /\.ya?ml$/.test(f) && !f.includes('departments')).sort();

const run = (args: string[]): string => execFileSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const simulateArguments = (text: string): string[] => {
  const line = text.split('\n').find((l) => l.startsWith('# simulate:'));
  return line === undefined ? [] : line.slice('# simulate:'.length).trim().split(/\s+/).filter(Boolean);
};

describe.each(examples)('example %s', (file) => {
  const path = join('workflows', 'examples', file);
  const text = readFileSync(join(repoRoot, path), 'utf8');

  it('says in its comments what it shows', () => {
    expect(text.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThanOrEqual(3);
  });

  it('validates', () => {
    expect(run(['validate', path])).toContain(': valid');
  });

  it('simulates to its expected timeline', () => {
    const timeline = run(['simulate', path, ...simulateArguments(text)]);
    const expectedFile = join(examplesDir, file.replace(/\.ya?ml$/, '.expected.txt'));
    if (process.env.UPDATE_GOLDEN || (!existsSync(expectedFile) && !process.env.CI)) writeFileSync(expectedFile, timeline);
    expect(timeline).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
