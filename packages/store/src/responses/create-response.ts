import type { CreateResponse, Response } from '@switchyard/contract';
import type { SqlClient } from '../sql/sql-client.js';
import { insertItemsSql } from './insert-items.js';
import { requireItemIds } from './item-id.js';
import type { RunAccounting } from './run-accounting.js';
import { responseFromRow, type ResponseRow, type StoredInputItem, type StoredResponse } from './stored-response.js';

export interface NewResponse {
  readonly id: string;
  readonly tenantId: string;
  /** `queued` for a background run, `in_progress` for a foreground one being generated now. */
  readonly status: 'queued' | 'in_progress';
  readonly model: string;
  readonly provider?: string | null;
  readonly request: CreateResponse;
  readonly snapshot?: Response | null;
  readonly previousResponseId?: string | null;
  readonly background: boolean;
  readonly store: boolean;
  /** The normalised input items of this turn only (not the expanded chain), each with an `id`. */
  readonly inputItems: readonly StoredInputItem[];
  /** A background run's admission, for the worker's metering (see `RunAccounting`). */
  readonly accounting?: RunAccounting | null;
}

/**
 * Inserts the response and its input items in ONE statement (the items as a data-modifying CTE):
 * both exist, or neither, in one round trip.
 */
export async function createResponse(client: SqlClient, record: NewResponse): Promise<StoredResponse> {
  requireItemIds(record.inputItems, 'input');
  const inserted = await client.query<ResponseRow>(
    `WITH inserted AS (
       INSERT INTO responses (id, tenant_id, status, model, provider, request, snapshot, previous_response_id, background, store, accounting)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11::jsonb)
       RETURNING *
     ), items AS (
       ${insertItemsSql('(SELECT id FROM inserted)', "'input'", '$12')}
     )
     SELECT * FROM inserted`,
    [
      record.id,
      record.tenantId,
      record.status,
      record.model,
      record.provider ?? null,
      JSON.stringify(record.request),
      record.snapshot === undefined || record.snapshot === null ? null : JSON.stringify(record.snapshot),
      record.previousResponseId ?? null,
      record.background,
      record.store,
      record.accounting === undefined || record.accounting === null ? null : JSON.stringify(record.accounting),
      JSON.stringify(record.inputItems),
    ],
  );
  const row = inserted.rows[0];
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row.');
  return responseFromRow(row);
}
