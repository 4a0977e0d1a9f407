import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deleteKeysMatching } from '@planledger/runtime';
import { ManualClock } from '@planledger/engine';
import type { EventStore, SqlExecutor, StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { NotificationFacts } from '@planledger/notifications';
import { migrateReadModels, outboxIdOf } from '@planledger/projections';
import { ChannelStore } from '../channels/channel-store';
import { SecretBox } from '../crypto/secret-box';
import { DeliveryProcessor, type DeliveryProcessorOptions } from '../processor/delivery-processor';
import { OutboxStore } from '../outbox/outbox-store';
import type { NotificationQueue } from '../queue/notification-queue';
import { EndpointRateLimiter } from '../rate/endpoint-rate-limiter';
import { createSenders } from '../senders/senders';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const uniqueQueuePrefix = (label: string): string => `test-notify-${label}-${randomUUID().slice(0, 8)}`;
export const whsecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export interface DeliveryTestDatabase {
  store: EventStore;
  database: SqlExecutor;
  storeId: string;
  channels: ChannelStore;
  outbox: OutboxStore;
  eventsOf(stream: string): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

/** A fresh PGlite store with the read models and the notification tables, and a random secrets key. */
export async function openDeliveryTestDatabase(): Promise<DeliveryTestDatabase> {
  const store = await openFreshPgliteStore();
  await migrateReadModels(store.database);
  const box = new SecretBox(randomBytes(32));
  return {
    store,
    database: store.database,
    storeId: await store.storeId(),
    channels: new ChannelStore(store.database, () => box),
    outbox: new OutboxStore(store.database),
    eventsOf: async (stream) => {
      const out: StoredEvent[] = [];
      for await (const event of store.readStream(stream)) out.push(event);
      return out;
    },
    close: () => store.close(),
  };
}

export const factsFor = (assignmentId: string, over: Partial<NotificationFacts> = {}): NotificationFacts => ({
  kind: 'reminder-due', planId: 'notify-test', planTitle: '质量提升行动计划', timeZone: 'Asia/Shanghai', at: '2026-12-07T00:00:00.000Z',
  recipientId: 'school-a', recipientName: '甲小学', assignmentId, title: `任务 ${assignmentId}`, holderId: 'school-a', holderName: '甲小学',
  dueAt: '2026-12-14T15:59:59.999Z', daysBefore: 7, ...over,
});

/**
 * Outbox rows as the notifications projection writes them (its own spec covers that path), for
 * delivery tests that need many rows fast. Returns the outbox ids.
 */
export async function insertOutboxRows(database: SqlExecutor, channel: { channelId: string; kind: string }, facts: NotificationFacts[], options: { dueAt?: string; digestAt?: string; urgent?: boolean } = {}): Promise<string[]> {
  const rows = facts.map((f) => {
    const eventId = randomUUID();
    return { outboxId: outboxIdOf(eventId, f.recipientId, channel.channelId), eventId, f };
  });
  await database.query(
    `insert into notification_outbox (outbox_id, event_id, event_type, stream, position, plan_id, assignment_id, recipient_id, channel_id, channel_kind, kind, urgent, facts,
       event_at, recorded_at, digest_at, status, due_at)
     select x->>'outboxId', x->>'eventId', 'AssignmentReminderDue', 'assignment-' || (x->'f'->>'planId') || '.' || (x->'f'->>'assignmentId'), '0:0', x->'f'->>'planId', x->'f'->>'assignmentId',
       x->'f'->>'recipientId', $2, $3, x->'f'->>'kind', $6, x->'f', (x->'f'->>'at')::timestamptz, clock_timestamp(), $5::timestamptz, 'pending', coalesce($5::timestamptz, $4::timestamptz, (x->'f'->>'at')::timestamptz)
     from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(rows), channel.channelId, channel.kind, options.dueAt ?? null, options.digestAt ?? null, options.urgent ?? false],
  );
  return rows.map((r) => r.outboxId);
}

export const NOW = new Date('2026-12-07T00:00:00.000Z');

/** A processor on the test database with real senders and a rate limiter in the real Redis under `prefix`. */
export function testProcessor(db: DeliveryTestDatabase, redis: Redis, prefix: string, over: Partial<DeliveryProcessorOptions> = {}): { processor: DeliveryProcessor; clock: ManualClock; limiter: EndpointRateLimiter } {
  const clock = (over.clock as ManualClock | undefined) ?? new ManualClock(NOW);
  const limiter = over.limiter ?? new EndpointRateLimiter(redis, `bull:${prefix}`);
  const processor = new DeliveryProcessor({
    outbox: db.outbox, channels: db.channels, senders: createSenders({ smtpFrom: 'planledger <noreply@test.local>' }), limiter, store: db.store, clock,
    workerId: `test-${process.pid}`, lockMs: 30_000, maxAttempts: 3, backoffMs: 1000, send: 'all', publicUrl: 'https://plans.example.edu.cn', ...over,
  });
  return { processor, clock, limiter };
}

export const deleteKeys = (pattern: string, redisUrl = TEST_REDIS_URL): Promise<number> => deleteKeysMatching(pattern, redisUrl);

export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type { NotificationQueue };
