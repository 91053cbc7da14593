import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { BudgetStore } from '../budgets/budget-store.js';
import type { ApiKeyRecord } from '../keys/api-key-record.js';
import type { UsageLedger } from '../ledger/usage-ledger.js';
import { createInProcessRateLimiter } from '../limits/create-in-process-rate-limiter.js';
import { createRequestAccounting } from './request-accounting.js';

const key = (allowedModels: readonly string[] | null): ApiKeyRecord => ({
  id: 'key_1', tenantId: 'acme', name: 'k', keyHash: 'h', prefix: 'sk-sy-x', role: 'user', allowedModels,
  rpm: null, tpm: null, budget: null, expiresAt: null, revokedAt: null, createdAt: new Date(0), updatedAt: new Date(0), metadata: {},
});

// A key without a budget: admission touches neither the budget store nor the ledger.
const accounting = createRequestAccounting({
  limiter: createInProcessRateLimiter(),
  budgets: {} as BudgetStore,
  ledger: {} as UsageLedger,
});

async function admission(model: string, allowedModels: readonly string[] | null): Promise<'admitted' | [number, string | null]> {
  try {
    await accounting.admit({ requestId: `req_${model}`, key: key(allowedModels), model, estimatedTokens: 1, worstCaseCostUsd: 0 });
    return 'admitted';
  } catch (error) {
    if (GatewayError.isInstance(error)) return [error.status, error.code];
    throw error;
  }
}

describe('admission uses the router allow-list rule (wildcards)', () => {
  it.each<[string, readonly string[] | null, 'admitted' | [number, string]]>([
    ['openai/gpt-4o', null, 'admitted'],
    ['openai/gpt-4o', ['openai/*'], 'admitted'],
    ['openai/gpt-4o', ['*'], 'admitted'],
    ['fast', ['fast', 'groq/*'], 'admitted'],
    ['groq/llama-3.3-70b-versatile', ['openai/*'], [403, 'model_not_allowed']],
    ['fast', ['openai/*'], [403, 'model_not_allowed']],
    ['openai/gpt-4o', [], [403, 'model_not_allowed']],
  ])('%s with %j → %j', async (model, allowed, expected) => {
    expect(await admission(model, allowed)).toEqual(expected);
  });
});
