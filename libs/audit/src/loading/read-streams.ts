import type { EventStore, StoredEvent } from '@planledger/event-store';

/** Reads whole streams, a few at a time: PostgreSQL answers them in parallel, PGlite one by one anyway. */
export async function readStreams(
  store: EventStore,
  streams: readonly string[],
  parallel = 8,
  onProgress?: (done: number, total: number) => void,
): Promise<StoredEvent[][]> {
  const results: StoredEvent[][] = new Array(streams.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < streams.length) {
      const index = next++;
      const events: StoredEvent[] = [];
      for await (const event of store.readStream(streams[index])) events.push(event);
      results[index] = events;
      onProgress?.(++done, streams.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, streams.length) }, worker));
  return results;
}

export async function readStream(store: EventStore, stream: string): Promise<StoredEvent[]> {
  const [events] = await readStreams(store, [stream], 1);
  return events;
}
