import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
import { startApiTestApp } from '../testing/api-test-app';
import { filesScenarios } from './files.scenarios';

/** The same scenarios on PostgreSQL; `planledger audit verify` runs as its own process against the same database and DATA_DIR. */
describe('files on PostgreSQL', () => {
  let database: TestDatabase;
  filesScenarios(async () => {
    database = await createTestDatabase('files');
    const api = await startApiTestApp({ databaseUrl: database.url });
    return { api, cliEnv: { DATABASE_URL: database.url, DATA_DIR: api.config.DATA_DIR, PLANLEDGER_ACTOR: 'sun.audit' } };
  });
  // Declared after the scenarios' own afterAll (which closes the app), so it runs after it.
  afterAll(async () => {
    await database?.drop();
  });
});
