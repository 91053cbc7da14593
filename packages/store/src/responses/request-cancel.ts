import { ResponseNotCancellableError } from '../errors/response-not-cancellable-error.js';
import type { SqlClient } from '../sql/sql-client.js';
import { isTerminalStatus } from './response-status.js';
import { responseFromRow, snapshotStatusSql, type ResponseRow, type StoredResponse } from './stored-response.js';

/**
 * Cancels a background response: `queued`/`in_progress` → `cancelled` (for good). A terminal
 * response comes back unchanged, so repeating a cancel returns the same object. Undefined when
 * unknown or another tenant's; a foreground response throws {@link ResponseNotCancellableError}.
 * The caller still signals the instance running it (CancelSignals) so the upstream call stops.
 */
export async function requestCancel(client: SqlClient, tenantId: string, id: string): Promise<StoredResponse | undefined> {
  return client.transaction(async (transaction) => {
    const current = await transaction.query<ResponseRow>('SELECT * FROM responses WHERE id = $1 AND tenant_id = $2 FOR UPDATE', [id, tenantId]);
    const row = current.rows[0];
    if (row === undefined) return undefined;
    if (!row.background) throw new ResponseNotCancellableError();
    if (isTerminalStatus(row.status)) return responseFromRow(row);
    const cancelled = await transaction.query<ResponseRow>(
      `UPDATE responses SET
         status = 'cancelled',
         snapshot = ${snapshotStatusSql(`'cancelled'`)},
         cancel_requested = true,
         completed_at = now(), updated_at = now(), lease_owner = NULL, lease_expires_at = NULL
       WHERE id = $1
       RETURNING *`,
      [id],
    );
    const cancelledRow = cancelled.rows[0];
    if (cancelledRow === undefined) throw new Error('The locked response disappeared during cancel.');
    return responseFromRow(cancelledRow);
  });
}
