import { randomUUID } from 'node:crypto';
import { createPgliteClient, createPostgresClient, runMigrations, type SqlClient } from '@switchyard/store';

/** What the repository suites need from a backend. */
export interface SqlHarness {
  readonly backend: 'pglite' | 'postgres';
  /** The client every suite shares, on a migrated schema. */
  sql(): SqlClient;
  /** A second client on the same schema, as another gateway instance would have (the same one on PGlite). */
  secondSql(): SqlClient;
  open(): Promise<void>;
  close(): Promise<void>;
}

export function uniqueId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

function opened(client: SqlClient | undefined): SqlClient {
  if (client === undefined) throw new Error('The SQL harness is not open.');
  return client;
}

/** PGlite in memory, migrated with the store's full migration list. */
export function createPgliteHarness(): SqlHarness {
  let client: SqlClient | undefined;
  return {
    backend: 'pglite',
    sql: () => opened(client),
    secondSql: () => opened(client),
    async open() {
      client = await createPgliteClient({ dataDir: 'memory://' });
      await runMigrations(client);
    },
    async close() {
      await client?.close();
    },
  };
}

/** Two pools (two instances) on a fresh schema of the real server, dropped afterwards. */
export function createPostgresHarness(databaseUrl: string): SqlHarness {
  const schema = uniqueId('switchyard_accounting').toLowerCase();
  let first: SqlClient | undefined;
  let second: SqlClient | undefined;
  const admin = async (text: string): Promise<void> => {
    const client = createPostgresClient({ connectionString: databaseUrl, maxConnections: 1 });
    try {
      await client.exec(text);
    } finally {
      await client.close();
    }
  };
  return {
    backend: 'postgres',
    sql: () => opened(first),
    secondSql: () => opened(second),
    async open() {
      await admin(`CREATE SCHEMA ${schema}`);
      first = createPostgresClient({ connectionString: databaseUrl, schema, maxConnections: 10 });
      second = createPostgresClient({ connectionString: databaseUrl, schema, maxConnections: 10 });
      await runMigrations(first);
    },
    async close() {
      await Promise.allSettled([first?.close(), second?.close()]);
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}
