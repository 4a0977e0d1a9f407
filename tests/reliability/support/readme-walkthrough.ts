import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = '<!-- walkthrough:';

/** The README's shell blocks marked as the walkthrough, in order, as one script. */
export function readmeWalkthrough(repo: string): string[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const blocks: string[] = [];
  let from = readme.indexOf(MARK);
  while (from !== -1) {
    const open = readme.indexOf('```sh\n', from);
    const close = readme.indexOf('\n```', open + 6);
    blocks.push(readme.slice(open + 6, close + 1));
    from = readme.indexOf(MARK, close);
  }
  return blocks;
}

/**
 * The walkthrough as the demo's user runs it, adapted to this test's demo only where the README
 * must be: its address, its data directory, and the token it printed. `curl` fails on an HTTP
 * error answer, and the script stops at the first failing command (`set -euo pipefail`, traced).
 */
export function walkthroughScript(blocks: string[], demo: { baseUrl: string; dataDir: string; token: string }): string {
  const body = blocks
    .join('\n')
    .replaceAll('http://localhost:3000', demo.baseUrl)
    .replaceAll('./data/demo', demo.dataDir)
    .replace(/^export TOKEN=….*$/m, `export TOKEN=${demo.token}`);
  return ['set -euo pipefail -x', 'curl() { command curl --fail-with-body "$@"; }', body].join('\n');
}
