// Compiles the repository's TypeScript (apps/, libs/) into dist/ with SWC, only what changed since
// the last run, so that `npx planledger` starts in a fraction of a second instead of compiling on
// load. Path aliases (@planledger/*) become relative paths; data files (*.json) are copied.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const outRoot = path.join(root, 'dist');
const sourceRoots = ['apps', 'libs'];
const webRoot = path.join(root, 'apps', 'web');

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // The web app is built by Vite (scripts/build-web.cjs), not compiled for node.
    if (full === webRoot) continue;
    if (entry.isDirectory()) yield* walk(full);
    else if ((entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) || entry.name.endsWith('.json')) yield full;
  }
}

function swcOptions() {
  const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  delete swcrc.$schema;
  return { ...swcrc, sourceMaps: false, swcrc: false, jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths } };
}

/** Several processes may compile at once (parallel tests): none may ever read a half-written file. */
function writeAtomically(file, content) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/** Returns how many files were (re)compiled or copied. */
function compileChanged() {
  let swc;
  let options;
  let written = 0;
  for (const root_ of sourceRoots) {
    const dir = path.join(root, root_);
    if (!fs.existsSync(dir)) continue;
    for (const file of walk(dir)) {
      const isTs = file.endsWith('.ts');
      const out = path.join(outRoot, path.relative(root, isTs ? file.replace(/\.ts$/, '.js') : file));
      const outStat = fs.statSync(out, { throwIfNoEntry: false });
      if (outStat && outStat.mtimeMs >= fs.statSync(file).mtimeMs) continue;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (isTs) {
        swc ??= require('@swc/core');
        options ??= swcOptions();
        const { code } = swc.transformFileSync(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(out), file) });
        writeAtomically(out, code);
      } else {
        writeAtomically(out, fs.readFileSync(file));
      }
      written++;
    }
  }
  return written;
}

module.exports = { compileChanged, outRoot };

if (require.main === module) {
  const n = compileChanged();
  console.log(`compiled ${n} file(s) into ${path.relative(process.cwd(), outRoot) || outRoot}`);
}
