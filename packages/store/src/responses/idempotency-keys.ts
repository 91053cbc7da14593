import type { SqlExecutor } from '../sql/sql-client.js';

/** What a create finds for its `Idempotency-Key`. */
export type IdempotencyClaim =
  /** The key is now this request's: go on and create `responseId`. */
  | { readonly kind: 'claimed' }
  /** The same key and body were seen: answer with that response. */
  | { readonly kind: 'existing'; readonly responseId: string }
  /** The same key came with another body. */
  | { readonly kind: 'reused' };

/** Keys are remembered for 24 hours, as OpenAI documents for its own idempotency. */
export const idempotencyWindowMs = 24 * 60 * 60 * 1000;

/**
 * How long a claim whose response row does not exist yet counts as a create still in flight (the
 * winner is between its claim and its row: resolving the chain, compacting). A failed create
 * releases its claim at once (`releaseIdempotencyKey`); this bound only frees the key of an
 * instance that died in between, or of a response the client deleted.
 */
export const idempotencyPendingMs = 60 * 1000;

/**
 * Atomically claims `key` for `responseId` (per tenant); of several concurrent first claims exactly
 * one is `claimed` (the primary key serialises them), the others see `existing`. A mapping older
 * than the window is taken over, and so is one whose response no longer exists once the claim is
 * older than `idempotencyPendingMs` (before that, the response may still be about to be created:
 * `existing` names it, and the caller finds no row yet).
 */
export async function claimIdempotencyKey(
  executor: SqlExecutor,
  tenantId: string,
  key: string,
  requestHash: string,
  responseId: string,
): Promise<IdempotencyClaim> {
  const inserted = await executor.query(
    `INSERT INTO idempotency_keys (tenant_id, idempotency_key, request_hash, response_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, idempotency_key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, response_id = EXCLUDED.response_id, created_at = now()
       WHERE idempotency_keys.created_at < now() - make_interval(secs => $5::double precision / 1000)
          OR (idempotency_keys.created_at < now() - make_interval(secs => $6::double precision / 1000)
              AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.id = idempotency_keys.response_id))
     RETURNING response_id`,
    [tenantId, key, requestHash, responseId, idempotencyWindowMs, idempotencyPendingMs],
  );
  if (inserted.rows.length > 0) return { kind: 'claimed' };
  const existing = await executor.query<{ request_hash: string; response_id: string }>(
    'SELECT request_hash, response_id FROM idempotency_keys WHERE tenant_id = $1 AND idempotency_key = $2',
    [tenantId, key],
  );
  const row = existing.rows[0];
  if (row === undefined) return { kind: 'claimed' };
  if (row.request_hash !== requestHash) return { kind: 'reused' };
  return { kind: 'existing', responseId: row.response_id };
}

/** Forgets a claim whose create did not go through (nothing was acknowledged). */
export async function releaseIdempotencyKey(executor: SqlExecutor, tenantId: string, key: string, responseId: string): Promise<void> {
  await executor.query('DELETE FROM idempotency_keys WHERE tenant_id = $1 AND idempotency_key = $2 AND response_id = $3', [tenantId, key, responseId]);
}
