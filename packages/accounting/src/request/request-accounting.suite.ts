import { GatewayError } from '@switchyard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyAdmin } from '../admin/key-admin.js';
import { createBudgetStore } from '../budgets/budget-store.js';
import { createApiKeyRepository, type ApiKeyRepository } from '../keys/api-key-repository.js';
import type { ApiKeyRecord } from '../keys/api-key-record.js';
import { createInProcessRateLimiter } from '../limits/create-in-process-rate-limiter.js';
import { createUsageLedger } from '../ledger/usage-ledger.js';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import { createRequestAccounting, type RequestAccounting, type RequestOutcome } from './request-accounting.js';

function outcome(costUsd: number, overrides: Partial<RequestOutcome> = {}): RequestOutcome {
  return {
    inputTokens: 40, cachedInputTokens: 0, outputTokens: 60, reasoningTokens: 0, costUsd,
    deployment: 'fake-1', provider: 'fake', user: null, tags: ['load'], metadata: {}, latencyMs: 5, status: 'completed', errorCode: null,
    ...overrides,
  };
}

async function statusOf(promise: Promise<unknown>): Promise<[number, string | null] | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (GatewayError.isInstance(error)) return [error.status, error.code];
    throw error;
  }
}

export function defineRequestAccountingSuite(harness: SqlHarness): void {
  describe('request accounting (admit → attempts → finish)', () => {
    let repository: ApiKeyRepository;
    const newKey = async (body: Record<string, unknown>): Promise<ApiKeyRecord> => {
      const created = await createKeyAdmin(repository).createKey({ kind: 'master' }, { name: 'k', tenant: uniqueId('tenant'), ...body });
      const record = await repository.get(created.id);
      if (record === undefined) throw new Error('key not stored');
      return record;
    };
    const accountingFor = (): RequestAccounting =>
      createRequestAccounting({
        limiter: createInProcessRateLimiter(),
        budgets: createBudgetStore(harness.sql()),
        ledger: createUsageLedger(harness.sql()),
      });
    beforeAll(() => {
      repository = createApiKeyRepository(harness.sql());
    });

    it('checks the model allow-list (403), then rpm (429), then the budget (402)', async () => {
      const accounting = accountingFor();
      const key = await newKey({ allowed_models: ['fake/model'], rpm: 2, budget: { limit_usd: 0.05, period: 'daily' } });
      const admit = (model: string, cost: number) =>
        accounting.admit({ requestId: uniqueId('req'), key, model, estimatedTokens: 10, worstCaseCostUsd: cost });
      expect(await statusOf(admit('other/model', 0.01))).toEqual([403, 'model_not_allowed']);
      expect(await statusOf(admit('fake/model', 0.04))).toBe('ok');
      expect(await statusOf(admit('fake/model', 0.04))).toEqual([402, 'budget_exceeded']);
      expect(await statusOf(admit('fake/model', 0.001))).toEqual([429, 'rate_limit_exceeded']);
    });

    it('bills each request once: the ledger total equals the reported usage, under 50 concurrent requests and repeated finishes', async () => {
      const accounting = accountingFor();
      const key = await newKey({ budget: { limit_usd: 0.5, period: 'total' } });
      const results = await Promise.allSettled(Array.from({ length: 50 }, async (_, index) => {
        const admission = await accounting.admit({ requestId: uniqueId('req'), key, model: 'fake/model', estimatedTokens: 100, worstCaseCostUsd: 0.04 });
        const real = 0.01 + (index % 3) * 0.01;
        await accounting.recordAttempt(admission, { ...outcome(real), attemptNumber: 1 });
        await Promise.all([accounting.finish(admission, outcome(real)), accounting.finish(admission, outcome(real))]);
        return real;
      }));
      const billed = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const refused = results.filter((result) => result.status === 'rejected');
      for (const result of refused) expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 402 });
      const ledgerTotal = await harness.sql().query<{ requests: string; cost: string; attempts: string }>(
        `SELECT count(*) FILTER (WHERE kind = 'request') AS requests, count(*) FILTER (WHERE kind = 'attempt') AS attempts,
                coalesce(sum(cost_usd) FILTER (WHERE kind = 'request'), 0) AS cost
         FROM usage_ledger WHERE key_id = $1`,
        [key.id],
      );
      const expected = billed.reduce((sum, value) => sum + value, 0);
      expect(Number(ledgerTotal.rows[0]?.requests)).toBe(billed.length);
      expect(Number(ledgerTotal.rows[0]?.attempts)).toBe(billed.length);
      expect(Number(ledgerTotal.rows[0]?.cost)).toBeCloseTo(expected, 9);
      const status = await createBudgetStore(harness.sql()).status(key.id, { limitUsd: 0.5, period: 'total' });
      expect(status.spentUsd).toBeCloseTo(expected, 9);
      expect(status.reservedUsd).toBe(0);
      expect(status.spentUsd).toBeLessThanOrEqual(0.5 + 1e-9);
    });

    it('abandon frees the reservation; a key without limits or budget is admitted with no headers', async () => {
      const accounting = accountingFor();
      const budget = { limit_usd: 0.1, period: 'daily' as const };
      const key = await newKey({ budget });
      const admission = await accounting.admit({ requestId: uniqueId('req'), key, model: 'm', estimatedTokens: 0, worstCaseCostUsd: 0.1 });
      await accounting.abandon(admission);
      expect(await statusOf(accounting.admit({ requestId: uniqueId('req'), key, model: 'm', estimatedTokens: 0, worstCaseCostUsd: 0.1 }))).toBe('ok');
      const open = await newKey({});
      const free = await accounting.admit({ requestId: uniqueId('req'), key: open, model: 'm', estimatedTokens: 5, worstCaseCostUsd: 1 });
      expect(free.headers).toEqual({});
      expect(free.reservation).toBeUndefined();
    });

    it('corrects the tpm counter with the real token count', async () => {
      const accounting = accountingFor();
      const key = await newKey({ tpm: 1000 });
      const admission = await accounting.admit({ requestId: uniqueId('req'), key, model: 'm', estimatedTokens: 900, worstCaseCostUsd: 0 });
      expect(admission.headers['x-ratelimit-remaining-tokens']).toBe('100');
      await accounting.finish(admission, outcome(0));
      const next = await accounting.admit({ requestId: uniqueId('req'), key, model: 'm', estimatedTokens: 800, worstCaseCostUsd: 0 });
      expect(next.headers['x-ratelimit-remaining-tokens']).toBe('100');
    });
  });
}
