#!/usr/bin/env node
// The `planledger` command. The planner's commands (simulate, validate) run from one bundle
// (scripts/cli-bundle.cjs), the others from dist/: sources changed since the last run are
// compiled first (a few hundred milliseconds, once), then the CLI runs without a compiler loaded,
// its modules compiled with the code V8 kept from the previous run (scripts/code-cache.cjs).
const path = require('node:path');

const useCodeCache = (name) => {
  if (process.env.PLANLEDGER_NO_CODE_CACHE) return;
  require('../scripts/code-cache.cjs').useCodeCache(path.join(__dirname, '..', 'dist', '.code-cache', `${name}-${process.arch}.bin`));
};

const bundle = require('../scripts/cli-bundle.cjs');
if (bundle.BUNDLED_COMMANDS.includes(process.argv[2]) && !process.env.PLANLEDGER_NO_BUNDLE) {
  const file = bundle.freshBundle();
  useCodeCache('planner-commands');
  require(file);
} else {
  const { compileChanged, outRoot } = require('../scripts/compile-cache.cjs');
  compileChanged();
  useCodeCache('cli');
  require(path.join(outRoot, 'apps/cli/src/main.js'));
}
