import type { SqlExecutor } from '../sql/sql-client.js';
import { snapshotStatusSql } from './stored-response.js';

const abandonedError = JSON.stringify({
  code: 'server_error',
  message: 'The response was abandoned: the instance generating it stopped before it finished.',
});

/**
 * Fails foreground responses still `in_progress` whose row has not changed for `olderThanMs`
 * (the instance streaming them died, or their final write failed), so nothing stays
 * `in_progress` forever. Background runs are not touched: their leases handle that. Returns how
 * many were failed. Pick a cutoff longer than any foreground response can take (e.g. an hour).
 */
export async function failAbandonedResponses(executor: SqlExecutor, olderThanMs: number): Promise<number> {
  if (!Number.isInteger(olderThanMs) || olderThanMs < 0) throw new RangeError('olderThanMs must be a non-negative integer.');
  const result = await executor.query<{ id: string }>(
    `UPDATE responses SET
       status = 'failed',
       snapshot = jsonb_set(${snapshotStatusSql(`'failed'`)}, '{error}', $2::jsonb),
       error = $2::jsonb,
       completed_at = now(),
       updated_at = now()
     WHERE NOT background
       AND status = 'in_progress'
       AND updated_at < now() - $1 * interval '1 millisecond'
     RETURNING id`,
    [olderThanMs, abandonedError],
  );
  return result.rows.length;
}
