import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
import { startApiTestApp } from '../testing/api-test-app';
import { sessionScenarios } from './sessions.scenarios';

/** Two api apps, each with its own connection pool to one PostgreSQL database: a cluster of two processes. */
describe('people sessions on PostgreSQL (two apps, two pools, one database)', () => {
  let database: TestDatabase;
  sessionScenarios(async () => {
    database = await createTestDatabase('sessions');
    const a = await startApiTestApp({ databaseUrl: database.url });
    const b = await startApiTestApp({ databaseUrl: database.url, clock: a.clock, wallClock: a.wallClock });
    return { a, b };
  });
  // Declared after the scenarios' own afterAll (which closes both apps), so it runs after it.
  afterAll(async () => {
    await database?.drop();
  });
});
