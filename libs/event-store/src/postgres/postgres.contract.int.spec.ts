import { openPostgresEventStore } from './open-postgres-event-store';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { createTestDatabase } from '../testing/postgres-test-database';

describeEventStoreContract('PostgreSQL (fresh database per file)', async () => {
  const database = await createTestDatabase('contract');
  const store = await openPostgresEventStore(database.url, 60);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
