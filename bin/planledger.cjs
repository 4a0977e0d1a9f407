#!/usr/bin/env node
// The `planledger` command. Sources changed since the last run are compiled into dist/ first
// (a few hundred milliseconds, once), then the compiled CLI runs without a compiler loaded, its
// modules compiled with the code V8 kept from the previous run (scripts/code-cache.cjs).
const path = require('node:path');
const { compileChanged, outRoot } = require('../scripts/compile-cache.cjs');
compileChanged();
if (!process.env.PLANLEDGER_NO_CODE_CACHE) require('../scripts/code-cache.cjs').useCodeCache(path.join(outRoot, '.code-cache', `cli-${process.arch}.bin`));
require(path.join(outRoot, 'apps/cli/src/main.js'));
