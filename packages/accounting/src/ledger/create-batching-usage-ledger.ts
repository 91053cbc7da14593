import type { SqlClient, SqlParameter } from '@switchyard/store';
import { attemptNumberOf, ledgerInsertStatement, ledgerRow } from './ledger-row.js';
import type { RecordOutcome } from './usage-entry.js';
import { createUsageLedger, type UsageLedger } from './usage-ledger.js';

/** A ledger that coalesces the rows of concurrent writes into one statement. */
export interface BatchingUsageLedger extends UsageLedger {
  /** Writes every row queued so far; resolves once they (and any batch in flight) are written or failed. */
  flush(): Promise<void>;
}

export interface BatchingUsageLedgerOptions {
  /** Most rows in one INSERT (200 when omitted); a full queue is written at once. */
  readonly maxBatchRows?: number;
}

interface QueuedRow {
  readonly key: string;
  readonly values: SqlParameter[];
  readonly resolve: (outcome: RecordOutcome) => void;
  readonly reject: (error: unknown) => void;
}

const defaultMaxBatchRows = 200;

function rowKey(requestId: unknown, kind: unknown, attemptNumber: unknown): string {
  return `${String(kind)}\u0000${String(attemptNumber)}\u0000${String(requestId)}`;
}

/**
 * The usage ledger with its writes batched: `recordAttempt`/`recordRequest` validate the row at
 * once (a `RangeError` rejects that call only, nothing is queued), queue it, and the queue is
 * written on the next macrotask (or as soon as `maxBatchRows` rows wait) as one multi-row
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` key. Each call resolves `{ recorded }` by whether its
 * key came back; of rows with the same key in one batch only the first queued is recorded. A
 * failed statement rejects every call of its batch. One batch is in flight at a time; rows queued
 * meanwhile go in the next. `lastAttemptNumber` and `aggregateUsage` flush first, so they see
 * every write made before them.
 */
export function createBatchingUsageLedger(sql: SqlClient, options: BatchingUsageLedgerOptions = {}): BatchingUsageLedger {
  const maxBatchRows = options.maxBatchRows ?? defaultMaxBatchRows;
  if (!Number.isInteger(maxBatchRows) || maxBatchRows < 1) throw new RangeError('maxBatchRows must be an integer, 1 or more.');
  const reads = createUsageLedger(sql);
  let queue: QueuedRow[] = [];
  let timer: NodeJS.Immediate | undefined;
  let running: Promise<void> | undefined;

  const writeBatch = async (batch: readonly QueuedRow[]): Promise<void> => {
    // Key order in the statement (stable: the first queued of equal keys stays first) so that
    // two instances' overlapping batches take their index locks in the same order.
    const ordered = [...batch].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
    try {
      const result = await sql.query<{ request_id: string; kind: string; attempt_number: number | string }>(
        ledgerInsertStatement(ordered.length),
        ordered.flatMap((row) => row.values),
      );
      const written = new Set(result.rows.map((row) => rowKey(row.request_id, row.kind, row.attempt_number)));
      for (const row of batch) row.resolve({ recorded: written.delete(row.key) });
    } catch (error) {
      for (const row of batch) row.reject(error);
    }
  };

  const run = (): Promise<void> => {
    if (timer !== undefined) {
      clearImmediate(timer);
      timer = undefined;
    }
    if (running !== undefined) return running;
    if (queue.length === 0) return Promise.resolve();
    running = (async () => {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatchRows);
        queue = queue.slice(maxBatchRows);
        await writeBatch(batch);
      }
    })().finally(() => {
      running = undefined;
      if (queue.length > 0) schedule();
    });
    return running;
  };

  function schedule(): void {
    if (running !== undefined) return; // the batch in flight takes the queue next
    if (queue.length >= maxBatchRows) void run();
    else timer ??= setImmediate(() => void run());
  }

  const enqueue = (kind: 'attempt' | 'request', attemptNumber: number, values: SqlParameter[], requestId: string): Promise<RecordOutcome> =>
    new Promise<RecordOutcome>((resolve, reject) => {
      queue.push({ key: rowKey(requestId, kind, attemptNumber), values, resolve, reject });
      schedule();
    });

  const flush = async (): Promise<void> => {
    while (running !== undefined || queue.length > 0) await run();
  };

  return {
    recordAttempt: async (entry) => {
      const attemptNumber = attemptNumberOf(entry.attemptNumber);
      return enqueue('attempt', attemptNumber, ledgerRow('attempt', attemptNumber, entry), entry.requestId);
    },
    recordRequest: async (entry) => enqueue('request', 0, ledgerRow('request', 0, entry), entry.requestId),
    async lastAttemptNumber(requestId) {
      await flush();
      return reads.lastAttemptNumber(requestId);
    },
    async aggregateUsage(query) {
      await flush();
      return reads.aggregateUsage(query);
    },
    flush,
  };
}
