import type { SqlClient } from '../sql/sql-client.js';
import type { Migration } from './migration.js';
import { migrations as allMigrations } from './migrations.js';

export interface MigrationOutcome {
  /** Ids applied by this call (empty when the schema was already current). */
  readonly applied: readonly number[];
}

/**
 * Applies pending migrations in one transaction. A transaction-scoped advisory lock, keyed by the
 * current schema, makes a second instance starting at the same moment wait and then find nothing
 * left to do.
 */
export async function runMigrations(client: SqlClient, migrations: readonly Migration[] = allMigrations): Promise<MigrationOutcome> {
  const ordered = [...migrations].sort((left, right) => left.id - right.id);
  return client.transaction(async (transaction) => {
    await transaction.query(`SELECT pg_advisory_xact_lock(hashtext('switchyard_migrations:' || current_schema()))`);
    await transaction.query(
      `CREATE TABLE IF NOT EXISTS switchyard_migrations (
         id integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await transaction.query<{ id: number }>('SELECT id FROM switchyard_migrations');
    const doneIds = new Set(done.rows.map((row) => Number(row.id)));
    const applied: number[] = [];
    for (const migration of ordered) {
      if (doneIds.has(migration.id)) continue;
      await transaction.exec(migration.sql);
      await transaction.query('INSERT INTO switchyard_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return { applied };
  });
}
