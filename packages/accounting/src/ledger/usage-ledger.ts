import type { SqlClient } from '@switchyard/store';
import { aggregateUsage, type AggregateUsageQuery, type UsageAggregateRow } from './aggregate-usage.js';
import type { AttemptEntry, RecordOutcome, RequestEntry } from './usage-entry.js';

export interface UsageLedger {
  /** One row per upstream attempt; idempotent on (request_id, 'attempt', attempt_number). */
  recordAttempt(entry: AttemptEntry): Promise<RecordOutcome>;
  /** One row per client request (attempt_number 0); idempotent on (request_id, 'request', 0). */
  recordRequest(entry: RequestEntry): Promise<RecordOutcome>;
  /**
   * The highest attempt number recorded for a request (0 when none): a background run reclaimed
   * after its worker died numbers its attempts after the ones already written.
   */
  lastAttemptNumber(requestId: string): Promise<number>;
  /** Totals over request rows, grouped by day, key, model, user or tag. */
  aggregateUsage(query: AggregateUsageQuery): Promise<UsageAggregateRow[]>;
}

function count(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be an integer, 0 or more.`);
  return value;
}

/** The ledger on any `SqlClient`. Rows are written once (`ON CONFLICT DO NOTHING`) and never updated. */
export function createUsageLedger(sql: SqlClient): UsageLedger {
  const insert = async (kind: 'attempt' | 'request', attemptNumber: number, entry: RequestEntry): Promise<RecordOutcome> => {
    if (!Number.isFinite(entry.costUsd) || entry.costUsd < 0) throw new RangeError('costUsd must be a finite number of USD, 0 or more.');
    const result = await sql.query(
      `INSERT INTO usage_ledger (kind, request_id, attempt_number, tenant_id, key_id, model, deployment, provider, end_user, tags, metadata,
         input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost_usd, latency_ms, status, error_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (request_id, kind, attempt_number) DO NOTHING`,
      [
        kind, entry.requestId, attemptNumber, entry.tenantId, entry.keyId, entry.model, entry.deployment, entry.provider, entry.user,
        JSON.stringify(entry.tags), JSON.stringify(entry.metadata),
        count(entry.inputTokens, 'inputTokens'), count(entry.cachedInputTokens, 'cachedInputTokens'),
        count(entry.outputTokens, 'outputTokens'), count(entry.reasoningTokens, 'reasoningTokens'),
        entry.costUsd, entry.latencyMs === null ? null : Math.max(Math.round(entry.latencyMs), 0), entry.status, entry.errorCode,
      ],
    );
    return { recorded: result.rowCount === 1 };
  };
  return {
    recordAttempt: async (entry) => {
      if (!Number.isInteger(entry.attemptNumber) || entry.attemptNumber < 1) throw new RangeError('attemptNumber counts from 1.');
      return insert('attempt', entry.attemptNumber, entry);
    },
    recordRequest: (entry) => insert('request', 0, entry),
    async lastAttemptNumber(requestId) {
      const result = await sql.query<{ last: number | string | null }>(
        `SELECT max(attempt_number) AS last FROM usage_ledger WHERE request_id = $1 AND kind = 'attempt'`,
        [requestId],
      );
      return Number(result.rows[0]?.last ?? 0);
    },
    aggregateUsage: (query) => aggregateUsage(sql, query),
  };
}
