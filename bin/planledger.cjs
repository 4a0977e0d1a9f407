#!/usr/bin/env node
// The `planledger` command: runs the TypeScript CLI directly, compiled on load by SWC.
require('../scripts/register.cjs');
require('../apps/cli/src/main.ts');
