import type { SqlExecutor } from '../sql/sql-client.js';

/** Deletes the response with its items and events (ON DELETE CASCADE). False when unknown or foreign. */
export async function deleteResponse(executor: SqlExecutor, tenantId: string, id: string): Promise<boolean> {
  const result = await executor.query<{ id: string }>('DELETE FROM responses WHERE id = $1 AND tenant_id = $2 RETURNING id', [id, tenantId]);
  return result.rows.length === 1;
}
