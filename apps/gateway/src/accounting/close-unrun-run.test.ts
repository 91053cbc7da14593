import { randomUUID } from 'node:crypto';
import { createKeyAdmin } from '@switchyard/accounting';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { sharedTestStorage } from '../test-support/shared-test-storage.js';
import { closeUnrunRun } from './close-unrun-run.js';
import { createGatewayAccounting, type GatewayAccounting } from './gateway-accounting.js';

const logger = pino({ level: 'silent' });

describe('closeUnrunRun', () => {
  let storage: OpenedStorage;
  let accounting: GatewayAccounting;
  beforeAll(async () => {
    storage = await sharedTestStorage();
    accounting = createGatewayAccounting({ sql: storage.store.sql, redisUrl: undefined, logger });
  });
  afterAll(async () => {
    await accounting?.close();
  });

  it('a run cancelled while queued: one request row at cost 0 (cancelled), its reservation freed, once however often it is called', async () => {
    const tenant = `tenant-${randomUUID()}`;
    const created = await createKeyAdmin(accounting.keys).createKey({ kind: 'master' }, { name: 'unrun', tenant, budget: { limit_usd: 1, period: 'total' } });
    const key = (await accounting.keys.get(created.id))!;
    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    const admission = await accounting.requests.admit({ requestId, key, model: 'openai/gpt-4o-mini', estimatedTokens: 50, worstCaseCostUsd: 0.3 });
    const reservation = admission.reservation!;
    const responseId = `resp_${randomUUID().replaceAll('-', '')}`;
    const runAccounting = {
      requestId, tenantId: tenant, keyId: key.id, model: 'openai/gpt-4o-mini', estimatedTokens: 50,
      reservation: { id: reservation.reservationId, amountUsd: reservation.amountUsd, periodStart: reservation.periodStart.toISOString() },
    };
    await storage.store.sql.query(
      `INSERT INTO responses (id, tenant_id, status, model, request, background, attempts, accounting) VALUES ($1, $2, 'queued', 'openai/gpt-4o-mini', '{}'::jsonb, true, 0, $3::jsonb)`,
      [responseId, tenant, JSON.stringify(runAccounting)],
    );
    // Claimed by nobody: the worker of this test process has no claim loop running.
    const cancelled = (await storage.store.requestCancel(tenant, responseId))!;
    expect(cancelled).toMatchObject({ status: 'cancelled', attempts: 0 });
    closeUnrunRun(cancelled, { accounting: () => accounting, logger });
    closeUnrunRun(cancelled, { accounting: () => accounting, logger });
    await accounting.pending.drain();

    const rows = await storage.store.sql.query<{ kind: string; status: string; cost_usd: string }>('SELECT kind, status, cost_usd FROM usage_ledger WHERE request_id = $1', [requestId]);
    expect(rows.rows).toEqual([{ kind: 'request', status: 'cancelled', cost_usd: '0' }]);
    expect(await accounting.budgets.status(key.id, { limitUsd: 1, period: 'total' })).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
  });

  it('leaves a run a worker claimed to that worker', async () => {
    const tenant = `tenant-${randomUUID()}`;
    const responseId = `resp_${randomUUID().replaceAll('-', '')}`;
    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    await storage.store.sql.query(
      `INSERT INTO responses (id, tenant_id, status, model, request, background, attempts, accounting) VALUES ($1, $2, 'in_progress', 'm', '{}'::jsonb, true, 1, $3::jsonb)`,
      [responseId, tenant, JSON.stringify({ requestId, tenantId: tenant, keyId: null, model: 'm', estimatedTokens: 1, reservation: null })],
    );
    const cancelled = (await storage.store.requestCancel(tenant, responseId))!;
    closeUnrunRun(cancelled, { accounting: () => accounting, logger });
    await accounting.pending.drain();
    const rows = await storage.store.sql.query('SELECT 1 FROM usage_ledger WHERE request_id = $1', [requestId]);
    expect(rows.rows).toHaveLength(0);
  });
});
