import type { ResponseStreamEvent } from '@switchyard/contract';
import type { SqlExecutor } from '../sql/sql-client.js';

export interface ReadEventsOptions {
  /** Only events with a larger `sequence_number` (the `starting_after` cursor). */
  readonly startingAfter?: number;
  /** At most this many events; all when omitted. */
  readonly limit?: number;
}

/**
 * Stores stream events for replay, all in one statement. Idempotent: an event whose `sequence_number` is already
 * stored for this response is skipped. Returns how many were new.
 */
export async function appendEvents(executor: SqlExecutor, id: string, events: readonly ResponseStreamEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  for (const event of events) {
    if (!Number.isInteger(event.sequence_number) || event.sequence_number < 0) {
      throw new TypeError('Every stored event needs a non-negative integer sequence_number.');
    }
  }
  const result = await executor.query(
    // A json (not jsonb) array: each event is converted to jsonb once, on its own, which costs
    // less than building the whole array as jsonb first (measurable on PGlite's WASM engine).
    `INSERT INTO response_events (response_id, sequence_number, event)
     SELECT $1, (entry ->> 'sequence_number')::integer, entry::jsonb
     FROM json_array_elements($2::json) AS entry
     ON CONFLICT (response_id, sequence_number) DO NOTHING`,
    [id, JSON.stringify(events)],
  );
  return result.rowCount;
}

/**
 * Stored events of a response, in `sequence_number` order. Undefined when the response is
 * unknown or another tenant's.
 */
export async function readEvents(
  executor: SqlExecutor,
  tenantId: string,
  id: string,
  options: ReadEventsOptions = {},
): Promise<ResponseStreamEvent[] | undefined> {
  const owner = await executor.query('SELECT 1 FROM responses WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  if (owner.rows.length === 0) return undefined;
  const result = await executor.query<{ event: ResponseStreamEvent }>(
    `SELECT event FROM response_events
     WHERE response_id = $1 AND sequence_number > $2
     ORDER BY sequence_number
     LIMIT $3`,
    [id, options.startingAfter ?? -1, options.limit ?? null],
  );
  return result.rows.map((row) => row.event);
}
