// The planner's commands (`simulate`, `validate`) as one esbuild bundle in dist/cli/, built on
// first use and again whenever one of its sources is newer (like dist/ by compile-cache.cjs; both
// git-ignored). One file instead of ~300 modules: no resolving, stat-ing and reading each, and
// zod's and rrule's unused parts (zod's 40 locales) left out. What else the CLI does (the service
// commands, NestJS with decorator metadata, which esbuild does not emit) runs from dist/ as before.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundleDir = path.join(root, 'dist', 'cli');
const bundleFile = path.join(bundleDir, 'planner-commands.js');
/** The bundle's inputs (repository files and packages) with the esbuild version that built it. */
const inputsFile = path.join(bundleDir, 'planner-commands.inputs.json');

/** The commands the bundle holds; main.ts loads only the command it is asked for. */
const BUNDLED_COMMANDS = ['simulate', 'validate'];
const bundledModules = new Set(['./commands/simulate.command', './commands/validate.command']);

function isFresh() {
  const built = fs.statSync(bundleFile, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  for (const input of inputs.files) {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > built.mtimeMs) return false;
  }
  return true;
}

/**
 * main.ts names every command's module: those not bundled stay outside, as written, and are never
 * loaded for a bundled command (main.ts loads only the command it is asked for).
 */
function otherCommands() {
  const dir = path.join(root, 'apps', 'cli', 'src', 'commands');
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => `./commands/${name.slice(0, -3)}`)
    .filter((module) => !bundledModules.has(module));
}

function build() {
  const esbuild = require('esbuild');
  fs.mkdirSync(bundleDir, { recursive: true });
  const temp = `${bundleFile}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ['apps/cli/src/main.ts'],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // ES modules of the packages where they have them: what is not used is left out.
    mainFields: ['module', 'main'],
    tsconfig: path.join(root, 'tsconfig.base.json'),
    // No comments: smaller to read and hash, and none that looks like an import() to the code cache.
    minifyWhitespace: true,
    metafile: true,
    logLevel: 'error',
    external: otherCommands(),
    // Those outside load through require (as from dist/), so the code cache takes the bundle too.
    supported: { 'dynamic-import': false },
  });
  // Several processes may build at once (parallel tests): none may ever read a half-written file.
  fs.renameSync(temp, bundleFile);
  // Inputs are relative to the repository (absWorkingDir); esbuild's virtual ones are no files to watch.
  const files = Object.keys(result.metafile.inputs).filter((input) => fs.existsSync(path.join(root, input)));
  const inputsTemp = `${inputsFile}.${process.pid}.tmp`;
  fs.writeFileSync(inputsTemp, JSON.stringify({ esbuild: esbuild.version, files }));
  fs.renameSync(inputsTemp, inputsFile);
}

/** The bundle's path, built first when missing or older than a source. */
function freshBundle() {
  if (!isFresh()) build();
  return bundleFile;
}

module.exports = { BUNDLED_COMMANDS, freshBundle, bundleDir };

if (require.main === module) {
  build();
  console.log(`bundled ${BUNDLED_COMMANDS.join(', ')} into ${path.relative(process.cwd(), bundleFile)}`);
}
