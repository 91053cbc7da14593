import { randomUUID } from 'node:crypto';
import { createBudgetStore, type KeyBudget } from '@switchyard/accounting';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayAccounting, type GatewayAccounting } from '../accounting/gateway-accounting.js';
import type { OpenedStorage } from '../state/open-storage.js';
import { sharedTestStorage } from '../test-support/shared-test-storage.js';
import { BackgroundWorker } from './background-worker.js';

const logger = pino({ level: 'silent' });
const budget: KeyBudget = { limitUsd: 10, period: 'total' };

describe('background worker housekeeping', () => {
  let storage: OpenedStorage;
  let accounting: GatewayAccounting;
  let worker: BackgroundWorker;

  beforeAll(async () => {
    storage = await sharedTestStorage();
    accounting = createGatewayAccounting({ sql: storage.store.sql, redisUrl: undefined, logger });
  });
  afterAll(async () => {
    await worker?.stop();
    await accounting?.close();
  });

  it('settles abandoned budget reservations on its timer: old ones at their reserved amount, never a fresh one or a live background run\'s', async () => {
    // Started first: what it settles below is found by a later tick of its timer, not its first pass.
    worker = new BackgroundWorker({
      store: storage.store,
      hot: storage.hotState,
      providers: new Map(),
      logger,
      accounting: () => accounting,
      workerId: `worker_${randomUUID()}`,
      concurrency: 0,
      leaseMs: 5000,
      pollIntervalMs: 20,
      housekeepingIntervalMs: 20,
      reservationAbandonedAfterMs: 60 * 60_000,
    });
    worker.start();
    const budgets = createBudgetStore(storage.store.sql);
    const keyId = `key_${randomUUID().replaceAll('-', '')}`;
    const reserve = (amountUsd: number) => budgets.reserve({ reservationId: `req_${randomUUID()}`, keyId, budget, amountUsd });
    const abandoned = await reserve(0.5);
    const fresh = await reserve(0.25);
    const live = await reserve(0.125);
    const age = (id: string) => storage.store.sql.query(`UPDATE budget_reservations SET created_at = now() - interval '3 hours' WHERE id = $1`, [id]);
    const accountingColumn = { requestId: live.reservationId, tenantId: 't', keyId, model: 'm', estimatedTokens: 1, reservation: { id: live.reservationId, amountUsd: 0.125, periodStart: live.periodStart.toISOString() } };
    await storage.store.sql.query(
      `INSERT INTO responses (id, tenant_id, status, model, request, background, accounting) VALUES ($1, 't', 'queued', 'm', '{}'::jsonb, true, $2::jsonb)`,
      [`resp_${randomUUID().replaceAll('-', '')}`, JSON.stringify(accountingColumn)],
    );
    // Aged once the live run holds its reservation (the timer is already running).
    await age(abandoned.reservationId);
    await age(live.reservationId);


    const settledOf = async (id: string) =>
      (await storage.store.sql.query<{ actual_usd: string | null }>('SELECT actual_usd FROM budget_reservations WHERE id = $1', [id])).rows[0]?.actual_usd ?? null;
    await expect.poll(() => settledOf(abandoned.reservationId)).not.toBeNull();
    expect(Number(await settledOf(abandoned.reservationId))).toBe(0.5);
    expect(await settledOf(fresh.reservationId)).toBeNull();
    expect(await settledOf(live.reservationId)).toBeNull();
    expect(await budgets.status(keyId, budget)).toMatchObject({ spentUsd: 0.5, reservedUsd: 0.375 });
  });
});
