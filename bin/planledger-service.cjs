#!/usr/bin/env node
// The planledger service (`npm start`, `npm run demo`, `npm run start:api|start:worker`). Like the
// CLI, it runs from dist/: sources changed since the last start are compiled first, once.
const path = require('node:path');
const { compileChanged, outRoot } = require('../scripts/compile-cache.cjs');
compileChanged();
// The web app (served under /app/) is built when its sources changed since the last build.
if (process.argv[2] !== 'worker') {
  try {
    require('../scripts/build-web.cjs').buildWebWhenStale();
  } catch (error) {
    // The API still serves; /app/ then says how to build the app.
    process.stderr.write(`planledger: ${error.message}\n`);
  }
}
const app = process.argv[2] === 'worker' ? 'worker' : 'api';
if (process.argv[2] === 'worker' || process.argv[2] === 'api') process.argv.splice(2, 1);
require(path.join(outRoot, `apps/${app}/src/main.js`));
