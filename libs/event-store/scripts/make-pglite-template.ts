/*
 * `npm install` runs this (postinstall): the initdb template that makes a fresh PGlite data
 * directory open in well under a second (see libs/event-store/src/pglite/pglite-template.ts).
 * It never fails the install: without a template, a new data directory is initdb'd as before.
 */
import { ensurePgliteTemplate } from '../src/pglite/pglite-template';

ensurePgliteTemplate().then(
  ({ file, made }) => {
    if (made) process.stdout.write(`planledger: made the PGlite template for fresh data directories (${file})\n`);
  },
  (error: unknown) => {
    process.stderr.write(`planledger: no PGlite template for fresh data directories (${(error as Error).message}); they will be initialised on first start instead\n`);
  },
);
