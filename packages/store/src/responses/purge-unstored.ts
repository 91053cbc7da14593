import type { SqlExecutor } from '../sql/sql-client.js';

/**
 * Deletes responses created with `store: false` (kept only so a background run can be polled)
 * that reached a terminal status more than `olderThanMs` ago, with their items and events.
 * Returns how many were deleted.
 */
export async function purgeUnstored(executor: SqlExecutor, olderThanMs: number): Promise<number> {
  if (!Number.isInteger(olderThanMs) || olderThanMs < 0) throw new RangeError('olderThanMs must be a non-negative integer.');
  const result = await executor.query<{ id: string }>(
    `DELETE FROM responses
     WHERE NOT store
       AND status IN ('completed', 'failed', 'incomplete', 'cancelled')
       AND completed_at < now() - $1 * interval '1 millisecond'
     RETURNING id`,
    [olderThanMs],
  );
  return result.rows.length;
}
