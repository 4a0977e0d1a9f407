import { startApiTestApp } from '../testing/api-test-app';
import { filesScenarios } from './files.scenarios';

/** Uploads, submissions, downloads and audit verify over an in-memory PGlite store (the CLI cannot open it: see the PostgreSQL spec). */
describe('files on PGlite', () => {
  filesScenarios(async () => ({ api: await startApiTestApp() }));
});
