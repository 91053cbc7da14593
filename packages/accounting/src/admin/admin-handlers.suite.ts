import { GatewayError } from '@switchyard/core';
import { validateOperationRequest, validateOperationResponse } from '@switchyard/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyRepository } from '../keys/api-key-repository.js';
import type { Caller } from '../keys/caller.js';
import { resolveCaller } from '../keys/caller.js';
import { createUsageLedger } from '../ledger/usage-ledger.js';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import { createAdminHandlers } from './create-admin-handlers.js';
import { createKeyAdmin } from './key-admin.js';
import { createUsageAdmin } from './usage-admin.js';

interface TestContext {
  readonly caller: Caller;
}

const master: TestContext = { caller: { kind: 'master' } };

function expectContractValid(operationId: Parameters<typeof validateOperationResponse>[0], body: unknown): void {
  const result = validateOperationResponse(operationId, 200, 'application/json', body);
  expect(result, JSON.stringify(result)).toEqual({ valid: true });
}

async function errorOf(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!GatewayError.isInstance(error)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}

export function defineAdminHandlersSuite(harness: SqlHarness): void {
  describe('admin handlers (contract shapes)', () => {
    let handlers: ReturnType<typeof createAdminHandlers<TestContext>>;
    beforeAll(() => {
      handlers = createAdminHandlers<TestContext>({
        keys: createKeyAdmin(createApiKeyRepository(harness.sql())),
        usage: createUsageAdmin(createUsageLedger(harness.sql())),
        callerOf: (context) => context.caller,
      });
    });

    it('create, list, get, update, revoke: every answer matches the contract', async () => {
      const tenant = uniqueId('tenant');
      const body = { name: 'svc', tenant, rpm: 10, budget: { limit_usd: 2, period: 'weekly' as const }, metadata: { team: 'x' } };
      expect(validateOperationRequest('createAdminKey', { body }).valid).toBe(true);
      const created = await handlers.createAdminKey({ body }, master);
      expectContractValid('createAdminKey', created);
      expectContractValid('listAdminKeys', await handlers.listAdminKeys({ query: { tenant } }, master));
      expectContractValid('getAdminKey', await handlers.getAdminKey({ path: { key_id: created.id } }, master));
      const updated = await handlers.updateAdminKey({ path: { key_id: created.id }, body: { tpm: 1000, expires_at: null } }, master);
      expectContractValid('updateAdminKey', updated);
      expect(updated).toMatchObject({ rpm: 10, tpm: 1000 });
      const revoked = await handlers.revokeAdminKey({ path: { key_id: created.id } }, master);
      expectContractValid('revokeAdminKey', revoked);
      expect(JSON.stringify([updated, revoked])).not.toContain(created.key);
    });

    it('the contract itself rejects role and tenant in an update', () => {
      expect(validateOperationRequest('updateAdminKey', { path: { key_id: 'key_1' }, body: { role: 'admin' } }).valid).toBe(false);
      expect(validateOperationRequest('updateAdminKey', { path: { key_id: 'key_1' }, body: { tenant: 't' } }).valid).toBe(false);
    });

    it('usage reports match the contract and validate their query', async () => {
      const tenant = uniqueId('tenant');
      const ledger = createUsageLedger(harness.sql());
      await ledger.recordRequest({
        requestId: uniqueId('req'), tenantId: tenant, keyId: 'key_x', model: 'openai/gpt-4o', deployment: null, provider: 'openai', user: 'u1',
        tags: ['t1'], metadata: {}, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0, costUsd: 0.25, latencyMs: 10,
        status: 'completed', errorCode: null,
      });
      const report = await handlers.getAdminUsage({ query: { group_by: 'model', tenant } }, master);
      expectContractValid('getAdminUsage', report);
      expect(report.data).toEqual([{ group: 'openai/gpt-4o', requests: 1, input_tokens: 10, cached_input_tokens: 0, output_tokens: 5, reasoning_tokens: 0, cost_usd: 0.25 }]);
      const usage = createUsageAdmin(ledger);
      expect((await usage.getUsage({ kind: 'master' }, { group_by: 'day', start: '0', end: '86400' })).data).toEqual([]);
      expect((await errorOf(usage.getUsage({ kind: 'master' }, { group_by: 'provider' }))).param).toBe('group_by');
      expect((await errorOf(usage.getUsage({ kind: 'master' }, { start: 'yesterday' }))).param).toBe('start');
      expect((await errorOf(usage.getUsage({ kind: 'master' }, { start: 100, end: 50 }))).status).toBe(400);
      expect((await errorOf(usage.getUsage({ kind: 'master' }, { start: 0, end: 400 * 86_400 }))).status).toBe(400);
    });

    it('a virtual key gets 403 on every admin operation', async () => {
      const repository = createApiKeyRepository(harness.sql());
      const created = await handlers.createAdminKey({ body: { name: 'plain', tenant: uniqueId('tenant') } }, master);
      const caller = await resolveCaller(created.key, { repository, masterKey: 'sk-master' });
      if (caller === undefined) throw new Error('the key did not authenticate');
      const asKey: TestContext = { caller };
      const path = { key_id: created.id };
      const statuses = await Promise.all([
        errorOf(handlers.createAdminKey({ body: { name: 'x', tenant: 'y' } }, asKey)),
        errorOf(handlers.listAdminKeys({}, asKey)),
        errorOf(handlers.getAdminKey({ path }, asKey)),
        errorOf(handlers.updateAdminKey({ path, body: { rpm: 100_000 } }, asKey)),
        errorOf(handlers.revokeAdminKey({ path }, asKey)),
        errorOf(handlers.getAdminUsage({}, asKey)),
      ]);
      expect(statuses.map((error) => [error.status, error.code])).toEqual(Array.from({ length: 6 }, () => [403, 'admin_key_required']));
      expect((await repository.get(created.id))?.revokedAt).toBeNull();
    });
  });
}
