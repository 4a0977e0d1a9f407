import { randomUUID } from 'node:crypto';
import type { EventInput, StoredEvent } from '../port/event-types';

export function testEvent(type = 'SomethingHappened', data: unknown = { n: 1 }, metadata: EventInput['metadata'] = {}): EventInput {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata };
}

export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export async function collect(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
