import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Maintenance connection; override with EVENT_STORE_TEST_PG_URL (must point at the `postgres` database). */
export const maintenanceUrl = process.env.EVENT_STORE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database for one test file (or one benchmark run, on the server its
 * `maintenance` URL names); `drop()` removes it even with open connections.
 */
export async function createTestDatabase(label: string, maintenance = maintenanceUrl): Promise<TestDatabase> {
  const name = `event_store_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await withMaintenanceClient((client) => client.query(`create database "${name}"`), maintenance);
  const url = new URL(maintenance);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withMaintenanceClient((client) => client.query(`drop database if exists "${name}" with (force)`), maintenance).then(() => undefined),
  };
}

export async function withMaintenanceClient<T>(work: (client: Client) => Promise<T>, maintenance = maintenanceUrl): Promise<T> {
  const client = new Client({ connectionString: maintenance });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
