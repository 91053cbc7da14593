import { describe, expect, it } from 'vitest';
import type { StoreHarness } from '../test-support/store-harness.js';
import { migrations } from './migrations.js';
import { runMigrations } from './run-migrations.js';

export function defineMigrationsSuite(harness: StoreHarness): void {
  describe('migrations', () => {
    it('are idempotent: migrating a current schema applies nothing', async () => {
      expect(await harness.store().migrate()).toEqual({ applied: [] });
      const rows = await harness.store().sql.query<{ id: number; name: string }>('SELECT id, name FROM switchyard_migrations ORDER BY id');
      expect(rows.rows).toEqual([{ id: 1, name: 'initial_schema' }, { id: 2, name: 'accounting' }, { id: 3, name: 'item_references_and_idempotency' }, { id: 4, name: 'run_accounting' }, { id: 5, name: 'served_deployment' }]);
    });

    it('are applied exactly once when several instances migrate a fresh schema at the same time', async () => {
      await harness.withFreshSchema(3, async (clients) => {
        const outcomes = await Promise.all(clients.map((client) => runMigrations(client)));
        const applied = outcomes.map((outcome) => outcome.applied.length).sort();
        expect(applied).toEqual([0, 0, migrations.length]);
        const tables = await clients[0]?.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
        );
        expect(tables?.rows.map((row) => row.name)).toEqual([
          'api_keys', 'budget_counters', 'budget_reservations', 'idempotency_keys', 'response_events', 'response_items', 'responses', 'switchyard_migrations', 'usage_ledger',
        ]);
      });
    });

    it('apply later migrations in id order and roll a failing one back whole', async () => {
      await harness.withFreshSchema(1, async ([client]) => {
        if (client === undefined) throw new Error('no client');
        await runMigrations(client, [{ id: 1, name: 'first', sql: 'CREATE TABLE example_one (id integer)' }]);
        const broken = [
          { id: 3, name: 'third', sql: 'CREATE TABLE example_three (id integer)' },
          { id: 2, name: 'second', sql: 'CREATE TABLE example_two (id integer); SELECT * FROM no_such_table' },
        ];
        await expect(runMigrations(client, [{ id: 1, name: 'first', sql: '' }, ...broken])).rejects.toThrow();
        const afterFailure = await client.query<{ id: number }>('SELECT id FROM switchyard_migrations ORDER BY id');
        expect(afterFailure.rows.map((row) => Number(row.id))).toEqual([1]);
        const fixed = [{ id: 1, name: 'first', sql: '' }, { id: 3, name: 'third', sql: 'CREATE TABLE example_three (id integer)' }, { id: 2, name: 'second', sql: 'CREATE TABLE example_two (id integer)' }];
        expect(await runMigrations(client, fixed)).toEqual({ applied: [2, 3] });
      });
    });
  });
}
