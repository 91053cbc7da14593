import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import type { KeyBudget } from '../keys/api-key-record.js';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import { createBudgetStore, type BudgetAdmission, type BudgetStore } from './budget-store.js';

interface Burst {
  readonly admitted: number;
  readonly refused: number;
  readonly admittedUsd: number;
}

/** `count` reservations fired at once, alternating between the two clients (two instances on PostgreSQL). */
async function burst(stores: readonly BudgetStore[], keyId: string, budget: KeyBudget, amounts: readonly number[]): Promise<Burst> {
  const outcomes = await Promise.allSettled(
    amounts.map((amountUsd, index) =>
      (stores[index % stores.length] as BudgetStore).reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd }),
    ),
  );
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected' && !(outcome.reason instanceof BudgetExceededError)) throw outcome.reason;
  }
  const admitted = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.amountUsd] : []));
  return { admitted: admitted.length, refused: amounts.length - admitted.length, admittedUsd: admitted.reduce((sum, value) => sum + value, 0) };
}

export function defineBudgetStoreSuite(harness: SqlHarness): void {
  describe('budgets', () => {
    const storesFor = (admission: BudgetAdmission): BudgetStore[] => [
      createBudgetStore(harness.sql(), { admission }),
      createBudgetStore(harness.secondSql(), { admission }),
    ];

    it('reserves, settles to the real cost once, and releases', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 1, period: 'daily' };
      await store.reserve({ reservationId: 'r1-' + keyId, keyId, budget, amountUsd: 0.4 });
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0, reservedUsd: 0.4, remainingUsd: 0.6 });
      expect(await store.settle('r1-' + keyId, 0.1)).toEqual({ applied: true });
      expect(await store.settle('r1-' + keyId, 0.1)).toEqual({ applied: false });
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0.1, reservedUsd: 0, remainingUsd: 0.9 });
      await store.reserve({ reservationId: 'r2-' + keyId, keyId, budget, amountUsd: 0.9 });
      expect(await store.release('r2-' + keyId)).toEqual({ applied: true });
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0.1, reservedUsd: 0 });
      expect(await store.settle('unknown-reservation', 1)).toEqual({ applied: false });
    });

    it('is idempotent per reservation id, also for concurrent calls from two instances', async () => {
      const [first, second] = storesFor('strict');
      if (first === undefined || second === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 1, period: 'total' };
      const reservationId = uniqueId('res');
      const reservations = await Promise.all([first, second, first, second].map((store) => store.reserve({ reservationId, keyId, budget, amountUsd: 0.3 })));
      expect(new Set(reservations.map((reservation) => reservation.amountUsd))).toEqual(new Set([0.3]));
      expect(await first.status(keyId, budget)).toMatchObject({ reservedUsd: 0.3 });
      await first.settle(reservationId, 0.2);
      await second.reserve({ reservationId, keyId, budget, amountUsd: 0.3 });
      expect(await first.status(keyId, budget)).toMatchObject({ reservedUsd: 0, spentUsd: 0.2 });
    });

    it('refuses with 402 budget_exceeded, x-should-retry false, and no change', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 0.5, period: 'monthly' };
      await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 0.3 });
      const error = await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 0.3 }).catch((caught: unknown) => caught);
      expect(GatewayError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 402, code: 'budget_exceeded', type: 'insufficient_quota', headers: { 'x-should-retry': 'false' }, isRetryable: false });
      expect((error as Error).message).toMatch(/monthly budget of this key \(0\.5 USD\).*resets at \d{4}-\d{2}-01T00:00:00\.000Z/);
      expect(await store.status(keyId, budget)).toMatchObject({ reservedUsd: 0.3, spentUsd: 0 });
    });

    it('keeps each period separate (a new day starts from zero)', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 1, period: 'daily' };
      const monday = new Date('2026-11-16T23:59:00Z');
      const reservation = await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 1, now: monday });
      await store.settle(reservation.reservationId, 1);
      await expect(store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 0.01, now: monday })).rejects.toBeInstanceOf(BudgetExceededError);
      await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 1, now: new Date('2026-11-17T00:00:01Z') });
    });

    it('strict: 50 concurrent reservations never admit more than the limit', async () => {
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 1, period: 'total' };
      const result = await burst(storesFor('strict'), keyId, budget, Array.from({ length: 50 }, () => 0.03));
      console.info(`[accounting:${harness.backend}] strict burst: ${result.admitted}/50 admitted, ${result.admittedUsd.toFixed(2)} USD of a 1 USD budget`);
      expect(result.admitted).toBe(33);
      expect(result.admittedUsd).toBeLessThanOrEqual(1 + 1e-9);
      const [store] = storesFor('strict');
      expect(await store?.status(keyId, budget)).toMatchObject({ reservedUsd: expect.closeTo(0.99, 9) });
    });

    it('allow-last: 50 concurrent reservations overshoot by less than one reservation', async () => {
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 1, period: 'total' };
      const amounts = Array.from({ length: 50 }, (_, index) => 0.02 + (index % 5) * 0.01);
      const result = await burst(storesFor('allow-last'), keyId, budget, amounts);
      console.info(`[accounting:${harness.backend}] allow-last burst: ${result.admitted}/50 admitted, ${result.admittedUsd.toFixed(2)} USD of a 1 USD budget (overshoot ${(result.admittedUsd - 1).toFixed(2)})`);
      expect(result.admittedUsd).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(result.admittedUsd).toBeLessThan(1 + Math.max(...amounts));
    });

    it('settled bursts: spend stays within the limit when every request costs at most its reservation', async () => {
      const [first, second] = storesFor('strict');
      if (first === undefined || second === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 0.2, period: 'weekly' };
      const attempts = Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? first : second));
      const outcomes = await Promise.allSettled(attempts.map(async (store) => {
        const reservation = await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 0.05 });
        await store.settle(reservation.reservationId, 0.02);
        return reservation;
      }));
      const admitted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
      const status = await first.status(keyId, budget);
      expect(status.reservedUsd).toBe(0);
      expect(status.spentUsd).toBeCloseTo(admitted * 0.02, 9);
      expect(status.spentUsd).toBeLessThanOrEqual(0.2 + 1e-9);
      expect(admitted).toBeGreaterThanOrEqual(4);
    });

    it('settles abandoned reservations at their reserved amount (billing fails closed)', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 10, period: 'total' };
      const reservation = await store.reserve({ reservationId: uniqueId('res'), keyId, budget, amountUsd: 0.7 });
      await harness.sql().query(`UPDATE budget_reservations SET created_at = now() - interval '1 hour' WHERE id = $1`, [reservation.reservationId]);
      expect(await store.settleAbandoned(60_000)).toBeGreaterThanOrEqual(1);
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0.7, reservedUsd: 0 });
      expect(await store.settle(reservation.reservationId, 0.1)).toEqual({ applied: false });
    });

    it('never settles the reservation of a background run that is still queued or running, however old', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const keyId = uniqueId('key');
      const budget: KeyBudget = { limitUsd: 10, period: 'total' };
      const reservation = await store.reserve({ reservationId: uniqueId('req'), keyId, budget, amountUsd: 0.4 });
      const responseId = uniqueId('resp');
      const accounting = { requestId: reservation.reservationId, tenantId: 't', keyId, model: 'm', estimatedTokens: 1, reservation: { id: reservation.reservationId, amountUsd: 0.4, periodStart: reservation.periodStart.toISOString() } };
      await harness.sql().query(
        `INSERT INTO responses (id, tenant_id, status, model, request, background, accounting) VALUES ($1, 't', 'queued', 'm', '{}'::jsonb, true, $2::jsonb)`,
        [responseId, JSON.stringify(accounting)],
      );
      await harness.sql().query(`UPDATE budget_reservations SET created_at = now() - interval '30 days' WHERE id = $1`, [reservation.reservationId]);
      await store.settleAbandoned(60_000);
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0, reservedUsd: 0.4 });
      // Once the run ended (here: cancelled while queued, so no worker settled it), housekeeping may settle it.
      await harness.sql().query(`UPDATE responses SET status = 'cancelled' WHERE id = $1`, [responseId]);
      await store.settleAbandoned(60_000);
      expect(await store.status(keyId, budget)).toMatchObject({ spentUsd: 0.4, reservedUsd: 0 });
    });

    it('rejects negative or non-finite amounts before touching the database', async () => {
      const [store] = storesFor('strict');
      if (store === undefined) throw new Error('no store');
      const budget: KeyBudget = { limitUsd: 1, period: 'total' };
      await expect(store.reserve({ reservationId: uniqueId('res'), keyId: uniqueId('key'), budget, amountUsd: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.settle('x', Number.NaN)).rejects.toBeInstanceOf(RangeError);
    });
  });
}
