import type { SqlQueryable } from '@planledger/event-store';
import { openTimersTestDatabase, type TimersTestDatabase } from '../testing/timers-test-kit';
import { FiringRecorder } from './firing-recorder';

describe('FiringRecorder (group commit of timer_firings) on PGlite', () => {
  let db: TimersTestDatabase;
  beforeAll(async () => {
    db = await openTimersTestDatabase();
  });
  afterAll(() => db?.close());

  it('given 50 firings recorded at once, when they settle, then every row is written once, in fewer INSERTs than firings; a repeated id keeps its first outcome', async () => {
    let inserts = 0;
    const counting: SqlQueryable = { query: (text, params, name) => (inserts++, db.database.query(text, params, name)) };
    const recorder = new FiringRecorder(counting);
    const at = new Date('2022-03-01T00:00:00.000Z');
    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => recorder.record(`t-${i}`, at, 'accepted')),
      recorder.record('t-0', at, 'withdrawn'),
    ]);
    const rows = await db.database.query<{ timer_id: string; outcome: string; fired_at: Date | string }>("select timer_id, outcome, fired_at from timer_firings where timer_id like 't-%'");
    expect(rows).toHaveLength(50);
    expect(rows.find((r) => r.timer_id === 't-0')?.outcome).toBe('accepted');
    expect(new Date(rows[0].fired_at).toISOString()).toBe(at.toISOString());
    expect(inserts).toBeGreaterThan(0);
    expect(inserts).toBeLessThan(50);
  });

  it('given the INSERT fails, when firings are recorded, then each caller sees the error (the job is retried), and the recorder goes on afterwards', async () => {
    let fail = true;
    const flaky: SqlQueryable = {
      query: (text, params, name) => (fail ? Promise.reject(new Error('connection lost')) : db.database.query(text, params, name)),
    };
    const recorder = new FiringRecorder(flaky);
    const at = new Date('2022-03-01T00:00:00.000Z');
    const results = await Promise.allSettled([recorder.record('f-1', at, 'accepted'), recorder.record('f-2', at, 'accepted')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await recorder.record('f-1', at, 'accepted');
    expect(await db.database.query("select timer_id from timer_firings where timer_id like 'f-%'")).toEqual([{ timer_id: 'f-1' }]);
  });
});
