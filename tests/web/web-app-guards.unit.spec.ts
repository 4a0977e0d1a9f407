import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const src = join(root, 'apps', 'web', 'src');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

describe('the web app', () => {
  it('keeps every visible string in the message catalogue: no Chinese in components, no English text between JSX tags', () => {
    const offenders: string[] = [];
    for (const file of sources(src)) {
      if (file.startsWith(join(src, 'i18n'))) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const code = line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (/[\u3400-\u9fff\uff00-\uffef]/.test(code)) offenders.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
        if (file.endsWith('.tsx') && />\s*[A-Za-z]{2,}(?: [A-Za-z]+)*\s*<\//.test(code)) offenders.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('has the same message keys in zh-CN and English, none empty', () => {
    const text = readFileSync(join(src, 'i18n', 'messages.ts'), 'utf8');
    const keysOf = (block: string) => [...block.matchAll(/^\s{2}(\w+): /gm)].map((m) => m[1]).sort();
    const [zh, en] = text.split('export const en');
    expect(keysOf(en)).toEqual(keysOf(zh));
    expect(text).not.toMatch(/: ''/);
  });

  it('commits API types that match the service\'s OpenAPI document (npm run web:api-types)', () => {
    // Exits 1 with the file named when stale.
    const out = execFileSync(process.execPath, ['-r', './scripts/register.cjs', 'scripts/web-api-types.ts', '--check'], { cwd: root, encoding: 'utf8', env: { ...process.env, JEST_WORKER_ID: '' } });
    expect(out).toContain('current');
  });
});
