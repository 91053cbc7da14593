import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteStatementRunner, type PgliteStatementRunner } from './pglite-statement-runner.js';
import { createSerialQueue, type SerialQueue } from './serial-queue.js';
import type { SqlClient, SqlExecutor, SqlParameter, SqlResult } from './sql-client.js';

export interface PgliteClientOptions {
  /** Folder the database lives in; created when missing. `memory://` keeps it in memory. */
  readonly dataDir: string;
}

function executorFor(runner: PgliteStatementRunner, queue: SerialQueue, isOpen: () => boolean = () => true): SqlExecutor {
  const guard = (): void => {
    if (!isOpen()) throw new Error('The transaction is over: use the client, not the transaction executor.');
  };
  return {
    query<Row extends object>(text: string, parameters: readonly SqlParameter[] = []): Promise<SqlResult<Row>> {
      return queue.run(async (): Promise<SqlResult<Row>> => {
        guard();
        return runner.query<Row>(text, parameters);
      });
    },
    exec(text: string): Promise<void> {
      return queue.run(async () => {
        guard();
        await runner.exec(text);
      });
    },
  };
}

/**
 * Embedded PostgreSQL (WASM) persisted in a folder. One process owns a data folder at a time:
 * PGlite is single-connection, so use the PostgreSQL driver for several gateway instances.
 * Statements and transactions run one at a time on the single session; a transaction holds the
 * session from BEGIN to COMMIT, and its statements run in the order `work` issues them.
 */
export async function createPgliteClient(options: PgliteClientOptions): Promise<SqlClient> {
  if (!options.dataDir.startsWith('memory://')) await mkdir(options.dataDir, { recursive: true });
  const database = await PGlite.create(options.dataDir);
  const runner = createPgliteStatementRunner(database);
  const session = createSerialQueue();
  const executor = executorFor(runner, session);
  // PGlite syncs its file system after each statement outside a transaction; a no-op for folders
  // (Node's file system) and memory, kept so the contract holds for any PGlite file system.
  const synced = async <T>(result: T): Promise<T> => {
    await database.syncToFs();
    return result;
  };
  return {
    dialect: 'pglite',
    query: <Row extends object>(text: string, parameters?: readonly SqlParameter[]) => executor.query<Row>(text, parameters).then(synced),
    exec: (text) => executor.exec(text).then(synced),
    transaction<T>(work: (transaction: SqlExecutor) => Promise<T>): Promise<T> {
      return session
        .run(async () => {
          // BEGIN, the statements and COMMIT/ROLLBACK share one queue: the end of the transaction
          // waits for a statement still running, and statements issued after it are refused.
          const statements = createSerialQueue();
          let open = true;
          const end = (command: 'COMMIT' | 'ROLLBACK'): Promise<string | undefined> =>
            statements.run(() => runner.exec(command, { keepPreparedStatements: true }));
          await statements.run(() => runner.exec('BEGIN', { keepPreparedStatements: true }));
          try {
            const result = await work(executorFor(runner, statements, () => open));
            open = false;
            if ((await end('COMMIT')) === 'ROLLBACK') throw new Error('The transaction was rolled back: a statement in it failed.');
            return result;
          } catch (error) {
            if (open) {
              open = false;
              await end('ROLLBACK');
            }
            throw error;
          }
        })
        .then(synced);
    },
    close: () => session.run(() => database.close()),
  };
}
