import pg from 'pg';
import { openStore } from '../open-store.js';
import type { ResponseStore } from '../response-store.js';
import { createPostgresClient } from '../sql/create-postgres-client.js';
import type { SqlClient } from '../sql/sql-client.js';
import { uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-harness.js';

export interface PostgresHarness extends StoreHarness {
  open(): Promise<void>;
  close(): Promise<void>;
}

async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Two stores (two pools, like two instances) on a fresh schema of the real server, dropped afterwards. */
export function createPostgresHarness(databaseUrl: string): PostgresHarness {
  const schema = uniqueId('switchyard_test').toLowerCase();
  let first: ResponseStore | undefined;
  let second: ResponseStore | undefined;
  const opened = (store: ResponseStore | undefined): ResponseStore => {
    if (store === undefined) throw new Error('The PostgreSQL harness is not open.');
    return store;
  };
  return {
    backend: 'postgres',
    store: () => opened(first),
    secondStore: () => opened(second),
    async open() {
      await adminQuery(databaseUrl, `CREATE SCHEMA ${schema}`);
      first = await openStore({ databaseUrl, schema, env: {} });
      second = await openStore({ databaseUrl, schema, env: {} });
    },
    async close() {
      await Promise.allSettled([first?.close(), second?.close()]);
      await adminQuery(databaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
    async withFreshSchema(count, work) {
      const fresh = uniqueId('switchyard_fresh').toLowerCase();
      await adminQuery(databaseUrl, `CREATE SCHEMA ${fresh}`);
      const clients: SqlClient[] = Array.from({ length: count }, () => createPostgresClient({ connectionString: databaseUrl, schema: fresh }));
      try {
        await work(clients);
      } finally {
        await Promise.allSettled(clients.map((client) => client.close()));
        await adminQuery(databaseUrl, `DROP SCHEMA IF EXISTS ${fresh} CASCADE`);
      }
    },
  };
}
