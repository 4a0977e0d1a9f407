import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from '../errors';
import { KurrentEventStore } from './kurrent-event-store';

export async function openKurrentEventStore(connectionString: string): Promise<KurrentEventStore> {
  try {
    // The constructor is protected: the connection string is the supported way in.
    return new KurrentEventStore(KurrentDBClient.connectionString(connectionString));
  } catch (error) {
    throw new StoreUnavailableError(`could not configure KurrentDB from "${connectionString}": ${(error as Error).message}`, { cause: error });
  }
}
