import type { GlobalPosition, StoredEvent } from '../port/event-types';
import type { ReadAllOptions, SubscribeToAllOptions, Subscription } from '../port/event-store';

const DEFAULT_POLL_INTERVAL_MS = 50;
const PAGE_SIZE = 500;

type ReadAll = (options: ReadAllOptions) => AsyncIterable<StoredEvent>;

/**
 * Catch-up subscription for any adapter with a gap-free readAll: reads pages after the
 * checkpoint until a page comes back empty (caught up), then keeps polling for new events.
 */
export function startPollingSubscription(readAll: ReadAll, options: SubscribeToAllOptions): Subscription {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let lastPosition: GlobalPosition | undefined = options.after;
  let stopped = false;
  let wake: (() => void) | undefined;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (!stopped) {
      let delivered = 0;
      for await (const event of readAll({ after: lastPosition, maxCount: PAGE_SIZE })) {
        if (stopped) return;
        await options.onEvent(event);
        lastPosition = event.position;
        delivered++;
      }
      if (delivered === 0) {
        markCaughtUp();
        await sleep();
      }
    }
  };

  const running = loop().catch((error: unknown) => {
    stopped = true;
    markCaughtUp();
    if (options.onError) options.onError(error);
  });

  return {
    get lastPosition() {
      return lastPosition;
    },
    caughtUp,
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
