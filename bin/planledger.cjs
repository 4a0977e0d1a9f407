#!/usr/bin/env node
// The `planledger` command. Sources changed since the last run are compiled into dist/ first
// (a few hundred milliseconds, once), then the compiled CLI runs without a compiler loaded.
const path = require('node:path');
const { compileChanged, outRoot } = require('../scripts/compile-cache.cjs');
compileChanged();
require(path.join(outRoot, 'apps/cli/src/main.js'));
