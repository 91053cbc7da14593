import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlParameter } from '@switchyard/store';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import type { AttemptEntry, RequestEntry } from './usage-entry.js';
import { createBatchingUsageLedger } from './create-batching-usage-ledger.js';
import { createUsageLedger, type UsageLedger } from './usage-ledger.js';

function requestEntry(overrides: Partial<RequestEntry> & Pick<RequestEntry, 'tenantId'>): RequestEntry {
  return {
    requestId: uniqueId('req'),
    keyId: 'key_a',
    model: 'openai/gpt-4o',
    deployment: 'openai-east',
    provider: 'openai',
    user: null,
    tags: [],
    metadata: {},
    inputTokens: 100,
    cachedInputTokens: 20,
    outputTokens: 50,
    reasoningTokens: 10,
    costUsd: 0.001,
    latencyMs: 120,
    status: 'completed',
    errorCode: null,
    ...overrides,
  };
}

const variants: ReadonlyArray<readonly [string, (sql: ReturnType<SqlHarness['sql']>) => UsageLedger]> = [
  ['one statement per row', createUsageLedger],
  ['batched', (sql) => createBatchingUsageLedger(sql)],
];

export function defineUsageLedgerSuite(harness: SqlHarness): void {
  describe.each(variants)('usage ledger (%s)', (_name, create) => {
    let ledger: UsageLedger;
    let secondLedger: UsageLedger;
    beforeAll(() => {
      ledger = create(harness.sql());
      secondLedger = create(harness.secondSql());
    });

    it('reports the last attempt number written for a request (0 before any)', async () => {
      const request = requestEntry({ tenantId: uniqueId('tenant') });
      expect(await ledger.lastAttemptNumber(request.requestId)).toBe(0);
      await ledger.recordAttempt({ ...request, attemptNumber: 1 });
      await ledger.recordAttempt({ ...request, attemptNumber: 3 });
      await ledger.recordRequest(request);
      expect(await secondLedger.lastAttemptNumber(request.requestId)).toBe(3);
    });

    it('writes each attempt and each request exactly once, even when both instances retry the write', async () => {
      const tenantId = uniqueId('tenant');
      const request = requestEntry({ tenantId });
      const attempt: AttemptEntry = { ...request, attemptNumber: 1, status: 'failed', errorCode: 'upstream_error', outputTokens: 0, reasoningTokens: 0, costUsd: 0.0002 };
      const writes = await Promise.all([
        ledger.recordAttempt(attempt), secondLedger.recordAttempt(attempt), ledger.recordAttempt(attempt),
        ledger.recordAttempt({ ...attempt, attemptNumber: 2, status: 'completed', errorCode: null }),
        ledger.recordRequest(request), secondLedger.recordRequest(request),
      ]);
      expect(writes.map((write) => write.recorded).filter(Boolean)).toHaveLength(3);
      const rows = await harness.sql().query<{ kind: string; attempt_number: number; status: string; tags: unknown; metadata: unknown }>(
        'SELECT kind, attempt_number, status, tags, metadata FROM usage_ledger WHERE request_id = $1 ORDER BY kind, attempt_number',
        [request.requestId],
      );
      expect(rows.rows).toEqual([
        { kind: 'attempt', attempt_number: 1, status: 'failed', tags: [], metadata: {} },
        { kind: 'attempt', attempt_number: 2, status: 'completed', tags: [], metadata: {} },
        { kind: 'request', attempt_number: 0, status: 'completed', tags: [], metadata: {} },
      ]);
    });

    it('refuses impossible values before writing', async () => {
      const entry = requestEntry({ tenantId: uniqueId('tenant') });
      await expect(ledger.recordRequest({ ...entry, inputTokens: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(ledger.recordRequest({ ...entry, costUsd: Number.POSITIVE_INFINITY })).rejects.toBeInstanceOf(RangeError);
      await expect(ledger.recordAttempt({ ...entry, attemptNumber: 0 })).rejects.toBeInstanceOf(RangeError);
    });

    describe('aggregation (request rows only, attempts never double-count)', () => {
      const tenantId = uniqueId('tenant');
      const start = new Date('2026-03-01T00:00:00Z');
      const end = new Date('2026-03-04T00:00:00Z');
      const otherKey = uniqueId('key_c');
      beforeAll(async () => {
        const day = (iso: string) => new Date(iso);
        const entries: Array<[RequestEntry, Date]> = [
          [requestEntry({ tenantId, keyId: 'key_a', model: 'openai/gpt-4o', user: 'alice', tags: ['prod', 'web'], costUsd: 0.5 }), day('2026-03-01T10:00:00Z')],
          [requestEntry({ tenantId, keyId: 'key_a', model: 'anthropic/claude', user: 'bob', tags: ['prod'], costUsd: 0.25 }), day('2026-03-01T23:59:59Z')],
          [requestEntry({ tenantId, keyId: 'key_b', model: 'openai/gpt-4o', user: null, tags: [], costUsd: 0.125 }), day('2026-03-02T00:00:00Z')],
          [requestEntry({ tenantId, keyId: 'key_b', model: 'openai/gpt-4o', user: 'alice', costUsd: 1 }), day('2026-03-04T00:00:00Z')],
          [requestEntry({ tenantId: uniqueId('other'), keyId: otherKey, costUsd: 9 }), day('2026-03-02T12:00:00Z')],
        ];
        for (const [entry, createdAt] of entries) {
          await ledger.recordRequest(entry);
          await ledger.recordAttempt({ ...entry, attemptNumber: 1 });
          await harness.sql().query('UPDATE usage_ledger SET created_at = $2 WHERE request_id = $1', [entry.requestId, createdAt]);
        }
      });

      it('by day (UTC, end exclusive)', async () => {
        const rows = await ledger.aggregateUsage({ groupBy: 'day', start, end, tenant: tenantId });
        expect(rows).toEqual([
          { group: '2026-03-01', requests: 2, inputTokens: 200, cachedInputTokens: 40, outputTokens: 100, reasoningTokens: 20, costUsd: 0.75 },
          { group: '2026-03-02', requests: 1, inputTokens: 100, cachedInputTokens: 20, outputTokens: 50, reasoningTokens: 10, costUsd: 0.125 },
        ]);
      });

      it('by key, model and user', async () => {
        const summary = async (groupBy: 'key' | 'model' | 'user') =>
          (await ledger.aggregateUsage({ groupBy, start, end, tenant: tenantId })).map((row) => [row.group, row.requests, row.costUsd]);
        expect(await summary('key')).toEqual([['key_a', 2, 0.75], ['key_b', 1, 0.125]]);
        expect(await summary('model')).toEqual([['anthropic/claude', 1, 0.25], ['openai/gpt-4o', 2, 0.625]]);
        expect(await summary('user')).toEqual([['alice', 1, 0.5], ['bob', 1, 0.25], [null, 1, 0.125]]);
      });

      it('by tag (a request counts under each of its tags)', async () => {
        const rows = await ledger.aggregateUsage({ groupBy: 'tag', start, end, tenant: tenantId });
        expect(rows.map((row) => [row.group, row.requests, row.costUsd])).toEqual([['prod', 2, 0.75], ['web', 1, 0.5]]);
      });

      it('without a tenant filter, every tenant', async () => {
        const rows = await ledger.aggregateUsage({ groupBy: 'key', start, end });
        expect(rows.find((row) => row.group === otherKey)?.costUsd).toBe(9);
      });
    });
  });

  defineBatchingUsageLedgerSuite(harness);
}

function defineBatchingUsageLedgerSuite(harness: SqlHarness): void {
  describe('batched usage ledger', () => {
    const storedRows = async (requestIds: readonly string[]) =>
      (await harness.sql().query<{ request_id: string; kind: string; attempt_number: number; status: string }>(
        'SELECT request_id, kind, attempt_number, status FROM usage_ledger WHERE request_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY request_id, kind, attempt_number',
        [JSON.stringify(requestIds)],
      )).rows;

    it('writes nothing and resolves a flush when no row is queued', async () => {
      const ledger = createBatchingUsageLedger(harness.sql());
      await ledger.flush();
      expect(await ledger.lastAttemptNumber(uniqueId('req'))).toBe(0);
    });

    it('writes one row alone, and many concurrent rows in one statement, each recorded once', async () => {
      const statements: string[] = [];
      const sql = harness.sql();
      const counting = { ...sql, dialect: sql.dialect, query: ((text: string, params?: readonly SqlParameter[]) => {
        statements.push(text);
        return sql.query(text, params);
      }) as typeof sql.query };
      const ledger = createBatchingUsageLedger(counting);
      const single = requestEntry({ tenantId: uniqueId('tenant') });
      expect(await ledger.recordRequest(single)).toEqual({ recorded: true });
      expect(statements).toHaveLength(1);
      const entries = Array.from({ length: 30 }, () => requestEntry({ tenantId: uniqueId('tenant') }));
      const outcomes = await Promise.all(entries.flatMap((entry) => [ledger.recordRequest(entry), ledger.recordAttempt({ ...entry, attemptNumber: 1 })]));
      expect(statements).toHaveLength(2);
      expect(outcomes.every((outcome) => outcome.recorded)).toBe(true);
      expect(await storedRows([single.requestId, ...entries.map((entry) => entry.requestId)])).toHaveLength(61);
    });

    it('splits a queue longer than maxBatchRows into several statements', async () => {
      const ledger = createBatchingUsageLedger(harness.sql(), { maxBatchRows: 4 });
      const entries = Array.from({ length: 10 }, () => requestEntry({ tenantId: uniqueId('tenant') }));
      const outcomes = await Promise.all(entries.map((entry) => ledger.recordRequest(entry)));
      expect(outcomes.map((outcome) => outcome.recorded)).toEqual(entries.map(() => true));
      expect(await storedRows(entries.map((entry) => entry.requestId))).toHaveLength(10);
    });

    it('of duplicate keys in one batch records only the first queued (DO NOTHING skips the rest)', async () => {
      const ledger = createBatchingUsageLedger(harness.sql());
      const entry = requestEntry({ tenantId: uniqueId('tenant') });
      const other = requestEntry({ tenantId: uniqueId('tenant') });
      const outcomes = await Promise.all([
        ledger.recordAttempt({ ...entry, attemptNumber: 1, status: 'failed' }),
        ledger.recordRequest(other),
        ledger.recordAttempt({ ...entry, attemptNumber: 1, status: 'completed' }),
        ledger.recordAttempt({ ...entry, attemptNumber: 1, status: 'cancelled' }),
        ledger.recordAttempt({ ...entry, attemptNumber: 2 }),
      ]);
      expect(outcomes.map((outcome) => outcome.recorded)).toEqual([true, true, false, false, true]);
      expect((await storedRows([entry.requestId])).map((row) => [row.kind, row.attempt_number, row.status])).toEqual([
        ['attempt', 1, 'failed'], ['attempt', 2, 'completed'],
      ]);
      expect(await ledger.recordAttempt({ ...entry, attemptNumber: 1 })).toEqual({ recorded: false });
    });

    it('a failed statement rejects every call of its batch and writes none of its rows; the next batch is unaffected', async () => {
      const ledger = createBatchingUsageLedger(harness.sql());
      const entries = Array.from({ length: 3 }, () => requestEntry({ tenantId: uniqueId('tenant') }));
      const [first, second, third] = entries.map((entry) => entry);
      if (first === undefined || second === undefined || third === undefined) throw new Error('three entries');
      const results = await Promise.allSettled([
        ledger.recordRequest(first),
        ledger.recordAttempt({ ...second, attemptNumber: 2 ** 31 }), // valid here, out of range for the column
        ledger.recordRequest(third),
      ]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await storedRows(entries.map((entry) => entry.requestId))).toEqual([]);
      expect(await ledger.recordRequest(first)).toEqual({ recorded: true });
    });

    it('rejects an invalid row alone, without queueing it', async () => {
      const ledger = createBatchingUsageLedger(harness.sql());
      const entry = requestEntry({ tenantId: uniqueId('tenant') });
      const results = await Promise.allSettled([ledger.recordRequest({ ...entry, outputTokens: 1.5 }), ledger.recordAttempt({ ...entry, attemptNumber: 1 })]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(RangeError) });
      expect(results[1]).toEqual({ status: 'fulfilled', value: { recorded: true } });
      expect(await storedRows([entry.requestId])).toHaveLength(1);
    });

    it('a read sees every write made before it, even one not yet flushed', async () => {
      const ledger = createBatchingUsageLedger(harness.sql());
      const tenantId = uniqueId('tenant');
      const entry = requestEntry({ tenantId, keyId: 'key_read', costUsd: 0.5 });
      const writes = [ledger.recordAttempt({ ...entry, attemptNumber: 1 }), ledger.recordAttempt({ ...entry, attemptNumber: 2 }), ledger.recordRequest(entry)];
      expect(await ledger.lastAttemptNumber(entry.requestId)).toBe(2);
      const rows = await ledger.aggregateUsage({ groupBy: 'key', start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 3_600_000), tenant: tenantId });
      expect(rows.map((row) => [row.group, row.requests, row.costUsd])).toEqual([['key_read', 1, 0.5]]);
      await Promise.all(writes);
    });
  });
}
