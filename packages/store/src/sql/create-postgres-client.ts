import pg from 'pg';
import type { SqlClient, SqlExecutor, SqlParameter, SqlResult } from './sql-client.js';

export interface PostgresClientOptions {
  /** `postgres://user@host:port/database`. Never logged. */
  readonly connectionString: string;
  /** Schema every connection uses (`search_path`); `public` when omitted. Must already exist. */
  readonly schema?: string;
  /** Pool size; 10 when omitted. */
  readonly maxConnections?: number;
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

function executorFor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row extends object>(text: string, parameters: readonly SqlParameter[] = []): Promise<SqlResult<Row>> {
      const result = await target.query<Row>(text, [...parameters]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string): Promise<void> {
      await target.query(text);
    },
  };
}

/** A pooled client for a real PostgreSQL server (`pg`). */
export function createPostgresClient(options: PostgresClientOptions): SqlClient {
  if (options.schema !== undefined && !schemaPattern.test(options.schema)) {
    throw new Error('The PostgreSQL schema name must be a lower-case SQL identifier.');
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener it crashes the process.
  pool.on('error', () => undefined);
  const executor = executorFor(pool);
  return {
    dialect: 'postgres',
    query: executor.query,
    exec: executor.exec,
    async transaction(work) {
      const connection = await pool.connect();
      let broken = false;
      try {
        await connection.query('BEGIN');
        const result = await work(executorFor(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is destroyed instead of going back to the pool.
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
