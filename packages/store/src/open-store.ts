import path from 'node:path';
import { createPgliteClient } from './sql/create-pglite-client.js';
import { createPostgresClient } from './sql/create-postgres-client.js';
import type { SqlClient } from './sql/sql-client.js';
import { createResponseStore, type ResponseStore } from './response-store.js';

export interface OpenStoreOptions {
  /** A PostgreSQL URL; wins over everything else. */
  readonly databaseUrl?: string;
  /** PGlite data folder; used when no database URL is given. */
  readonly dataDir?: string;
  /** PostgreSQL only: the schema to use (must exist). */
  readonly schema?: string;
  /** PostgreSQL only: pool size. */
  readonly maxConnections?: number;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  /** Where `DATABASE_URL` and `SWITCHYARD_DATA_DIR` are read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type StoreBackend = { readonly kind: 'postgres'; readonly databaseUrl: string } | { readonly kind: 'pglite'; readonly dataDir: string };

/**
 * Which backend `openStore` will use: `databaseUrl` option, then `dataDir` option, then
 * `DATABASE_URL`, then `SWITCHYARD_DATA_DIR`, then `./data` (PGlite).
 */
export function resolveStoreBackend(options: OpenStoreOptions = {}): StoreBackend {
  const env = options.env ?? process.env;
  const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);
  const databaseUrl = nonEmpty(options.databaseUrl);
  if (databaseUrl !== undefined) return { kind: 'postgres', databaseUrl };
  const dataDir = nonEmpty(options.dataDir);
  if (dataDir !== undefined) return { kind: 'pglite', dataDir };
  const envUrl = nonEmpty(env['DATABASE_URL']);
  if (envUrl !== undefined) return { kind: 'postgres', databaseUrl: envUrl };
  return { kind: 'pglite', dataDir: nonEmpty(env['SWITCHYARD_DATA_DIR']) ?? path.resolve('data') };
}

/** Opens the store on the chosen backend and (by default) brings its schema up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<ResponseStore> {
  const backend = resolveStoreBackend(options);
  const sql: SqlClient =
    backend.kind === 'postgres'
      ? createPostgresClient({
          connectionString: backend.databaseUrl,
          ...(options.schema === undefined ? {} : { schema: options.schema }),
          ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        })
      : await createPgliteClient({ dataDir: backend.dataDir });
  const store = createResponseStore(sql);
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (error) {
      await sql.close().catch(() => undefined);
      throw error;
    }
  }
  return store;
}
