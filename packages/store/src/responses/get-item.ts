import type { ItemResource } from '@switchyard/contract';
import type { SqlExecutor } from '../sql/sql-client.js';

/**
 * A stored input or output item by its id, for `item_reference`: only the tenant's own, stored
 * (`store: true`) responses; undefined otherwise (unknown and foreign look the same).
 */
export async function getItem(executor: SqlExecutor, tenantId: string, itemId: string): Promise<ItemResource | undefined> {
  const result = await executor.query<{ item: ItemResource }>(
    `SELECT i.item FROM response_items i JOIN responses r ON r.id = i.response_id
      WHERE i.item_id = $1 AND r.tenant_id = $2 AND r.store
      ORDER BY r.created_at DESC LIMIT 1`,
    [itemId, tenantId],
  );
  return result.rows[0]?.item;
}
