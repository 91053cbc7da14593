import type { Response, ResponseError, ResponseUsage } from '@switchyard/contract';
import type { SqlClient } from '../sql/sql-client.js';
import { requireItemIds } from './item-id.js';
import type { TerminalResponseStatus } from './response-status.js';
import { responseFromRow, snapshotStatusSql, type ResponseRow, type StoredOutputItem, type StoredResponse } from './stored-response.js';

/** What actually served a response (the router's pick, possibly after fallbacks). */
export interface ServedBy {
  /** The configured provider name. */
  readonly provider: string;
  /** The routing deployment; null when the response was not served through the router. */
  readonly deployment: string | null;
}

export interface ResponseCompletion {
  readonly status: TerminalResponseStatus;
  /** The output items, in order, each with an `id`. */
  readonly outputItems: readonly StoredOutputItem[];
  readonly usage?: ResponseUsage | null;
  /** The final `Response` object (its `status` is overwritten with `status`). */
  readonly snapshot?: Response | null;
  readonly error?: ResponseError;
  /** When set, the write applies only while this worker still holds the run's lease. */
  readonly workerId?: string;
  /** Rewrites `provider` and `deployment` to what served the response (a routed request's fallback). */
  readonly servedBy?: ServedBy;
}

export type CompletionOutcome =
  | { readonly applied: true; readonly response: StoredResponse }
  /** Nothing written: the row is gone, already terminal (e.g. cancelled) or leased to another worker. */
  | { readonly applied: false; readonly response: StoredResponse | undefined };

/**
 * Moves an `in_progress` response to a terminal status and stores its output items, atomically.
 * It never overwrites a terminal row: a run cancelled meanwhile stays `cancelled`. One statement
 * (the row update and the item writes as data-modifying CTEs), so it is atomic without a
 * transaction and costs one round trip; the output items replace any stored before. With
 * `servedBy`, `provider` and `deployment` record what served it (unchanged otherwise).
 */
export async function completeResponse(client: SqlClient, id: string, completion: ResponseCompletion): Promise<CompletionOutcome> {
  requireItemIds(completion.outputItems, 'output');
  const updated = await client.query<ResponseRow>(
    `WITH updated AS (
       UPDATE responses SET
         status = $2,
         snapshot = CASE WHEN $3::jsonb IS NULL THEN ${snapshotStatusSql('$2')}
                         ELSE jsonb_set($3::jsonb, '{status}', to_jsonb($2::text)) END,
         usage = $4::jsonb,
         error = $5::jsonb,
         completed_at = now(),
         updated_at = now(),
         lease_owner = NULL,
         lease_expires_at = NULL,
         provider = COALESCE($9::text, provider),
         deployment = CASE WHEN $9::text IS NULL THEN deployment ELSE $10::text END
       WHERE id = $1 AND status = 'in_progress' AND ($6::text IS NULL OR lease_owner = $6::text)
       RETURNING *
     ), stale_items AS (
       DELETE FROM response_items
       WHERE response_id = $1 AND kind = 'output' AND position >= $8::integer AND EXISTS (SELECT 1 FROM updated)
     ), items AS (
       INSERT INTO response_items (response_id, kind, position, item_id, item)
       SELECT updated.id, 'output', (entry.ordinality - 1)::integer, entry.value ->> 'id', entry.value
       FROM updated, jsonb_array_elements($7::jsonb) WITH ORDINALITY AS entry (value, ordinality)
       ON CONFLICT (response_id, kind, position) DO UPDATE SET item_id = excluded.item_id, item = excluded.item
     )
     SELECT * FROM updated`,
    [
      id,
      completion.status,
      completion.snapshot === undefined || completion.snapshot === null ? null : JSON.stringify(completion.snapshot),
      completion.usage === undefined || completion.usage === null ? null : JSON.stringify(completion.usage),
      completion.error === undefined || completion.error === null ? null : JSON.stringify(completion.error),
      completion.workerId ?? null,
      JSON.stringify(completion.outputItems),
      completion.outputItems.length,
      completion.servedBy?.provider ?? null,
      completion.servedBy?.deployment ?? null,
    ],
  );
  const row = updated.rows[0];
  if (row !== undefined) return { applied: true, response: responseFromRow(row) };
  const current = await client.query<ResponseRow>('SELECT * FROM responses WHERE id = $1', [id]);
  const currentRow = current.rows[0];
  return { applied: false, response: currentRow === undefined ? undefined : responseFromRow(currentRow) };
}
