#!/usr/bin/env node
// Runs the TypeScript CLI directly: SWC compiles on load, honouring tsconfig paths.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
require('../apps/cli/src/main.ts');
