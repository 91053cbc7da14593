import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';
import { responseFromRow, snapshotStatusSql, type ResponseRow, type StoredResponse } from './stored-response.js';

export interface ClaimOptions {
  /** A run already claimed this many times whose lease lapsed is failed instead of retried. 3 when omitted. */
  readonly maxAttempts?: number;
}

const exhaustedError = JSON.stringify({ code: 'server_error', message: 'The background run was interrupted too many times and was stopped.' });

function checkedLease(leaseMs: number): number {
  if (!Number.isInteger(leaseMs) || leaseMs < 1) throw new RangeError('leaseMs must be a positive integer.');
  return leaseMs;
}

/** Fails runs whose lease lapsed after `maxAttempts` claims, so nothing stays `in_progress` forever. */
async function failExhaustedRuns(transaction: SqlExecutor, maxAttempts: number): Promise<void> {
  await transaction.query(
    `UPDATE responses SET
       status = 'failed',
       error = $2::jsonb,
       snapshot = jsonb_set(${snapshotStatusSql(`'failed'`)}, '{error}', $2::jsonb),
       completed_at = now(), updated_at = now(), lease_owner = NULL, lease_expires_at = NULL
     WHERE id IN (
       SELECT id FROM responses
       WHERE background AND status = 'in_progress' AND lease_expires_at < now() AND attempts >= $1
       FOR UPDATE SKIP LOCKED
     )`,
    [maxAttempts, exhaustedError],
  );
}

/**
 * Claims the oldest queued background run, or one whose lease lapsed (its worker died), for
 * `workerId` until now + `leaseMs`. `FOR UPDATE SKIP LOCKED` means concurrent callers never get
 * the same run. Undefined when there is nothing to do.
 */
export async function claimNextRun(client: SqlClient, workerId: string, leaseMs: number, options: ClaimOptions = {}): Promise<StoredResponse | undefined> {
  const lease = checkedLease(leaseMs);
  const maxAttempts = options.maxAttempts ?? 3;
  return client.transaction(async (transaction) => {
    await failExhaustedRuns(transaction, maxAttempts);
    const claimed = await transaction.query<ResponseRow>(
      `WITH next AS (
         SELECT id FROM responses
         WHERE background
           AND (status = 'queued' OR (status = 'in_progress' AND lease_expires_at < now()))
         ORDER BY created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       UPDATE responses SET
         status = 'in_progress',
         snapshot = ${snapshotStatusSql(`'in_progress'`)},
         lease_owner = $1,
         lease_expires_at = now() + $2 * interval '1 millisecond',
         attempts = attempts + 1,
         updated_at = now()
       FROM next WHERE responses.id = next.id
       RETURNING responses.*`,
      [workerId, lease],
    );
    const row = claimed.rows[0];
    return row === undefined ? undefined : responseFromRow(row);
  });
}

/** Extends the lease. False when the worker lost the run (cancelled, completed, deleted, reclaimed). */
export async function renewLease(executor: SqlExecutor, id: string, workerId: string, leaseMs: number): Promise<boolean> {
  const lease = checkedLease(leaseMs);
  const result = await executor.query<{ id: string }>(
    `UPDATE responses SET lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
     WHERE id = $1 AND lease_owner = $2 AND status = 'in_progress'
     RETURNING id`,
    [id, workerId, lease],
  );
  return result.rows.length === 1;
}

/** Hands a run back to the queue (graceful shutdown). False when the worker no longer holds it. */
export async function releaseRun(executor: SqlExecutor, id: string, workerId: string): Promise<boolean> {
  const result = await executor.query<{ id: string }>(
    `UPDATE responses SET status = 'queued', snapshot = ${snapshotStatusSql(`'queued'`)},
       lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
     WHERE id = $1 AND lease_owner = $2 AND status = 'in_progress'
     RETURNING id`,
    [id, workerId],
  );
  return result.rows.length === 1;
}
