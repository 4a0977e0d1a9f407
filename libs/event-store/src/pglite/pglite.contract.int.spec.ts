import { describeEventStoreContract } from '../testing/event-store-contract';
import { openFreshPgliteStore } from '../testing/pglite-template';

describeEventStoreContract('PGlite (in memory, cloned from a migrated template)', async () => {
  const store = await openFreshPgliteStore();
  return { store, cleanup: () => store.close() };
});
