import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import type { AttemptEntry, RequestEntry } from './usage-entry.js';
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

export function defineUsageLedgerSuite(harness: SqlHarness): void {
  describe('usage ledger', () => {
    let ledger: UsageLedger;
    let secondLedger: UsageLedger;
    beforeAll(() => {
      ledger = createUsageLedger(harness.sql());
      secondLedger = createUsageLedger(harness.secondSql());
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
      beforeAll(async () => {
        const day = (iso: string) => new Date(iso);
        const entries: Array<[RequestEntry, Date]> = [
          [requestEntry({ tenantId, keyId: 'key_a', model: 'openai/gpt-4o', user: 'alice', tags: ['prod', 'web'], costUsd: 0.5 }), day('2026-03-01T10:00:00Z')],
          [requestEntry({ tenantId, keyId: 'key_a', model: 'anthropic/claude', user: 'bob', tags: ['prod'], costUsd: 0.25 }), day('2026-03-01T23:59:59Z')],
          [requestEntry({ tenantId, keyId: 'key_b', model: 'openai/gpt-4o', user: null, tags: [], costUsd: 0.125 }), day('2026-03-02T00:00:00Z')],
          [requestEntry({ tenantId, keyId: 'key_b', model: 'openai/gpt-4o', user: 'alice', costUsd: 1 }), day('2026-03-04T00:00:00Z')],
          [requestEntry({ tenantId: uniqueId('other'), keyId: 'key_c', costUsd: 9 }), day('2026-03-02T12:00:00Z')],
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
        expect(rows.find((row) => row.group === 'key_c')?.costUsd).toBe(9);
      });
    });
  });
}
