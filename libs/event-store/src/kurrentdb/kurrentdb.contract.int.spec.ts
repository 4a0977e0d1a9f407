import { describeEventStoreContract } from '../testing/event-store-contract';
import { openKurrentEventStore } from './open-kurrent-event-store';

const url = process.env.KURRENTDB_URL;

if (url) {
  describeEventStoreContract(`KurrentDB at ${url}`, async () => {
    const store = await openKurrentEventStore(url);
    return { store, cleanup: () => store.close() };
  }, { eventIdsUniqueAcrossStreams: false });
} else {
  describe('EventStore contract: KurrentDB', () => {
    const reason = 'skipped: set KURRENTDB_URL (e.g. kurrentdb://127.0.0.1:2113?tls=false) to run the contract against a KurrentDB server; none can run on this machine';
    console.log(`KurrentDB contract ${reason}`);
    it.skip(`runs the contract (${reason})`, () => undefined);
  });
}
