import type { SqlExecutor } from '../sql/sql-client.js';

/** Inserts items at positions 0..n-1 in one statement (the array travels as one jsonb parameter). */
export async function insertItems(executor: SqlExecutor, responseId: string, kind: 'input' | 'output', items: readonly object[]): Promise<void> {
  if (items.length === 0) return;
  await executor.query(
    `INSERT INTO response_items (response_id, kind, position, item_id, item)
     SELECT $1, $2, (entry.ordinality - 1)::integer, entry.value ->> 'id', entry.value
     FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS entry (value, ordinality)`,
    [responseId, kind, JSON.stringify(items)],
  );
}
