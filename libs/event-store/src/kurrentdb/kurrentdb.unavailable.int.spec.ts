import { createEventStore } from '../create-event-store';
import { StoreUnavailableError } from '../errors';
import { testEvent } from '../testing/test-events';

describe('KurrentDB adapter without a server', () => {
  it('reports appends and reads as StoreUnavailableError, not raw gRPC errors', async () => {
    const store = await createEventStore({ kurrentdbUrl: 'kurrentdb://127.0.0.1:1?tls=false' });
    try {
      await expect(store.append('plan-1', [testEvent()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
      const readAll = async () => {
        for await (const _event of store.readAll()) return;
      };
      await expect(readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
    }
  });
});
