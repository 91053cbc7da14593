import type { SqlClient } from '@switchyard/store';
import { aggregateUsage, type AggregateUsageQuery, type UsageAggregateRow } from './aggregate-usage.js';
import { attemptNumberOf, ledgerInsertStatement, ledgerRow } from './ledger-row.js';
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

/** The ledger on any `SqlClient`. Rows are written once (`ON CONFLICT DO NOTHING`) and never updated. */
export function createUsageLedger(sql: SqlClient): UsageLedger {
  const insert = async (kind: 'attempt' | 'request', attemptNumber: number, entry: RequestEntry): Promise<RecordOutcome> => {
    const result = await sql.query(ledgerInsertStatement(1), ledgerRow(kind, attemptNumber, entry));
    return { recorded: result.rowCount === 1 };
  };
  return {
    recordAttempt: async (entry) => insert('attempt', attemptNumberOf(entry.attemptNumber), entry),
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
