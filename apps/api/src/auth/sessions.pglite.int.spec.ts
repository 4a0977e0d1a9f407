import { startApiTestApp } from '../testing/api-test-app';
import { sessionScenarios } from './sessions.scenarios';

/** Two api apps over one PGlite database and one clock (and one real-time clock) (each with its own directory cache, guards and keys). */
describe('people sessions on PGlite (two apps, one database)', () => {
  sessionScenarios(async () => {
    const a = await startApiTestApp();
    const b = await startApiTestApp({ storage: a.storage, clock: a.clock, wallClock: a.wallClock });
    return { a, b };
  });
});
