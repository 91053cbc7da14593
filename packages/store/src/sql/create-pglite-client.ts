import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlParameter, SqlResult } from './sql-client.js';

export interface PgliteClientOptions {
  /** Folder the database lives in; created when missing. `memory://` keeps it in memory. */
  readonly dataDir: string;
}

interface PgliteQueryable {
  query<Row>(text: string, parameters?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(text: string): Promise<unknown>;
}

function executorFor(target: PgliteQueryable): SqlExecutor {
  return {
    async query<Row extends object>(text: string, parameters: readonly SqlParameter[] = []): Promise<SqlResult<Row>> {
      const result = await target.query<Row>(text, [...parameters]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(text: string): Promise<void> {
      await target.exec(text);
    },
  };
}

/**
 * Embedded PostgreSQL (WASM) persisted in a folder. One process owns a data folder at a time:
 * PGlite is single-connection, so use the PostgreSQL driver for several gateway instances.
 */
export async function createPgliteClient(options: PgliteClientOptions): Promise<SqlClient> {
  if (!options.dataDir.startsWith('memory://')) await mkdir(options.dataDir, { recursive: true });
  const database = await PGlite.create(options.dataDir);
  const executor = executorFor(database);
  return {
    dialect: 'pglite',
    query: executor.query,
    exec: executor.exec,
    transaction: (work) => database.transaction((transaction) => work(executorFor(transaction))),
    close: () => database.close(),
  };
}
