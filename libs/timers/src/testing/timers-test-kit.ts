import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deleteKeysMatching } from '@planledger/runtime';
import { streamOf, systemActor, timersForSchedule, type PlanSchedule, type Timer } from '@planledger/domain';
import { CommandExecutor, preparePlan } from '@planledger/engine';
import type { SqlExecutor, SqlQueryable, StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { migrateTimerTables } from '../sql/timer-tables';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TimersTestDatabase {
  database: SqlExecutor;
  /** The store's identity: queues are named after it. */
  storeId: string;
  executor: CommandExecutor;
  eventsOf(stream: string): Promise<StoredEvent[]>;
  allEvents(): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

/** A fresh in-memory PGlite event store with the read models and timer tables. */
export async function openTimersTestDatabase(): Promise<TimersTestDatabase> {
  const store = await openFreshPgliteStore();
  await migrateTimerTables(store.database);
  const collect = async (events: AsyncIterable<StoredEvent>) => {
    const out: StoredEvent[] = [];
    for await (const event of events) out.push(event);
    return out;
  };
  return {
    database: store.database,
    storeId: await store.storeId(),
    executor: new CommandExecutor(store),
    eventsOf: (stream) => collect(store.readStream(stream)),
    allEvents: () => collect(store.readAll()),
    close: () => store.close(),
  };
}

/** A queue prefix no other test (or developer) uses on the shared Redis (every test store has the template's identity). */
export const uniqueQueueName = (label: string): string => `test-timers-${label}-${randomUUID().slice(0, 8)}`;

/** Deletes every key of one queue (its jobs and its epoch): a flushed Redis, for that queue only. */
export const deleteQueueKeys = (queueName: string, redisUrl = TEST_REDIS_URL): Promise<number> => deleteKeysMatching(`bull:${queueName}:*`, redisUrl);

/** Real domain timers: the Lianyun plan compiled under its own id (issue timers need no earlier events). */
export function lianyunTimers(planId: string): Timer[] {
  return timersForSchedule(lianyunSchedule(planId));
}

export function lianyunSchedule(planId: string): PlanSchedule {
  const file = join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml');
  const prepared = preparePlan({ text: readFileSync(file, 'utf8'), fileName: 'lianyun-quality-2021-2024.yaml', planId });
  if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join('; '));
  return prepared.schedule;
}

/** What the plan reactor does on publication, for one phase: its timers then have work to do. */
export async function schedulePhase(executor: CommandExecutor, schedule: PlanSchedule, phaseId: string): Promise<void> {
  const phase = schedule.phases.find((p) => p.phaseId === phaseId)!;
  const result = await executor.execute(
    { aggregate: 'phase', planId: schedule.planId, phaseId },
    { type: 'SchedulePhase', data: { planId: schedule.planId, phaseId, phase }, metadata: { actor: systemActor, at: schedule.startsAt } },
  );
  if (!result.ok) throw new Error(result.error.message);
}

/** What the timers projection writes (read_timers row per timer). */
export async function insertPendingTimers(database: SqlQueryable, timers: readonly Timer[], notBefore: string | null = null): Promise<void> {
  await database.query(
    `insert into read_timers (timer_id, plan_id, kind, due_at, not_before, stream, timer)
     select x->'timer'->>'timerId', x->'timer'->>'planId', x->'timer'->>'kind', (x->'timer'->>'dueAt')::timestamptz, $2::timestamptz, x->>'stream', x->'timer'
     from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(timers.map((timer) => ({ stream: streamOf(timer.target), timer }))), notBefore],
  );
}

export { ManualClock } from '@planledger/engine';

export async function firings(database: SqlQueryable): Promise<{ timer_id: string; outcome: string }[]> {
  return database.query('select timer_id, outcome from timer_firings order by timer_id');
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
