import type { SqlClient } from '@switchyard/store';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import type { KeyBudget } from '../keys/api-key-record.js';
import { periodWindow } from './budget-period.js';

/**
 * How a reservation is admitted:
 * - `strict` (default): only when `spent + reserved + amount <= limit`. Admitted worst cases never
 *   exceed the limit; spend can pass it only by what settlements exceed their own reservation.
 * - `allow-last`: when `spent + reserved < limit` (something is left). The last admitted request
 *   may overshoot by at most its own reservation; a request larger than the whole budget still runs once.
 */
export type BudgetAdmission = 'strict' | 'allow-last';

export interface ReserveRequest {
  /** Unique per reservation (e.g. the request id); makes `settle` idempotent. */
  readonly reservationId: string;
  readonly keyId: string;
  readonly budget: KeyBudget;
  /** Worst-case cost of the request in USD (≥ 0). */
  readonly amountUsd: number;
  readonly now?: Date;
}

export interface Reservation {
  readonly reservationId: string;
  readonly keyId: string;
  readonly periodStart: Date;
  readonly amountUsd: number;
}

export interface BudgetStatus {
  readonly limitUsd: number;
  readonly spentUsd: number;
  readonly reservedUsd: number;
  readonly remainingUsd: number;
  readonly periodStart: Date;
  readonly periodEnd: Date | undefined;
}

export interface SettleOutcome {
  /** False when the reservation was unknown or already settled (nothing changed). */
  readonly applied: boolean;
}

export interface BudgetStore {
  /**
   * Atomically admits the worst-case cost or throws `BudgetExceededError` (402). Idempotent per
   * `reservationId`: reserving an id again returns the first reservation and reserves nothing more.
   */
  reserve(request: ReserveRequest): Promise<Reservation>;
  /** Replaces the reservation with the real cost: reserved −= amount, spent += actual. Exactly once per reservation. */
  settle(reservationId: string, actualUsd: number): Promise<SettleOutcome>;
  /** Settles with 0 (the upstream was never called). */
  release(reservationId: string): Promise<SettleOutcome>;
  status(keyId: string, budget: KeyBudget, now?: Date): Promise<BudgetStatus>;
  /**
   * Settles reservations left open longer than `olderThanMs` (an instance died mid-request) at
   * their reserved amount: billing fails closed. A reservation held by a background run that is
   * still `queued` or `in_progress` (`responses.accounting`) is never touched, however old: its
   * worker settles it when the run ends. Returns how many it settled.
   */
  settleAbandoned(olderThanMs: number): Promise<number>;
}

export interface BudgetStoreOptions {
  readonly admission?: BudgetAdmission;
}

function usd(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number of USD, 0 or more.`);
  return value;
}

/**
 * Budgets in SQL. The check and the increment are one `UPDATE … WHERE spent + reserved + amount <= limit`
 * on the counter row: PostgreSQL takes the row lock and re-evaluates the WHERE on the newest row
 * version, so concurrent reservations (from any number of instances) serialise on that row and
 * none can slip past the limit.
 */
export function createBudgetStore(sql: SqlClient, options: BudgetStoreOptions = {}): BudgetStore {
  const admission = options.admission ?? 'strict';
  const admitCondition = admission === 'strict' ? 'spent_usd + reserved_usd + $3 <= $4' : 'spent_usd + reserved_usd < $4';
  const settleOne = (reservationId: string, actualUsd: number): Promise<SettleOutcome> =>
    sql.transaction(async (transaction) => {
      const settled = await transaction.query<{ key_id: string; period_start: Date; amount_usd: string }>(
        `UPDATE budget_reservations SET settled_at = now(), actual_usd = $2
         WHERE id = $1 AND settled_at IS NULL RETURNING key_id, period_start, amount_usd`,
        [reservationId, actualUsd],
      );
      const row = settled.rows[0];
      if (row === undefined) return { applied: false };
      await transaction.query(
        `UPDATE budget_counters SET reserved_usd = GREATEST(reserved_usd - $3::numeric, 0), spent_usd = spent_usd + $4, updated_at = now()
         WHERE key_id = $1 AND period_start = $2`,
        [row.key_id, row.period_start, row.amount_usd, actualUsd],
      );
      return { applied: true };
    });
  return {
    async reserve(request) {
      const amount = usd(request.amountUsd, 'amountUsd');
      const window = periodWindow(request.budget.period, request.now ?? new Date());
      return sql.transaction(async (transaction) => {
        // The reservation row first: a second reserve with the same id (a re-run of the same
        // request) waits for the first, then finds it and reserves nothing more.
        const inserted = await transaction.query(
          `INSERT INTO budget_reservations (id, key_id, period_start, amount_usd) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [request.reservationId, request.keyId, window.start, amount],
        );
        if (inserted.rows.length === 0) {
          const existing = await transaction.query<{ key_id: string; period_start: Date | string; amount_usd: string }>(
            'SELECT key_id, period_start, amount_usd FROM budget_reservations WHERE id = $1',
            [request.reservationId],
          );
          const row = existing.rows[0];
          if (row === undefined) throw new Error('A reservation vanished while it was being read.');
          return { reservationId: request.reservationId, keyId: row.key_id, periodStart: new Date(row.period_start), amountUsd: Number(row.amount_usd) };
        }
        await transaction.query(
          'INSERT INTO budget_counters (key_id, period_start) VALUES ($1, $2) ON CONFLICT (key_id, period_start) DO NOTHING',
          [request.keyId, window.start],
        );
        const admitted = await transaction.query(
          `UPDATE budget_counters SET reserved_usd = reserved_usd + $3, updated_at = now()
           WHERE key_id = $1 AND period_start = $2 AND ${admitCondition} RETURNING key_id`,
          [request.keyId, window.start, amount, request.budget.limitUsd],
        );
        if (admitted.rows.length === 0) {
          throw new BudgetExceededError({ limitUsd: request.budget.limitUsd, period: request.budget.period, resetsAt: window.end?.toISOString() });
        }
        return { reservationId: request.reservationId, keyId: request.keyId, periodStart: window.start, amountUsd: amount };
      });
    },
    settle: async (reservationId, actualUsd) => settleOne(reservationId, usd(actualUsd, 'actualUsd')),
    release: (reservationId) => settleOne(reservationId, 0),
    async status(keyId, budget, now = new Date()) {
      const window = periodWindow(budget.period, now);
      const result = await sql.query<{ spent_usd: string; reserved_usd: string }>(
        'SELECT spent_usd, reserved_usd FROM budget_counters WHERE key_id = $1 AND period_start = $2',
        [keyId, window.start],
      );
      const spent = Number(result.rows[0]?.spent_usd ?? 0);
      const reserved = Number(result.rows[0]?.reserved_usd ?? 0);
      return {
        limitUsd: budget.limitUsd,
        spentUsd: spent,
        reservedUsd: reserved,
        remainingUsd: Math.max(budget.limitUsd - spent - reserved, 0),
        periodStart: window.start,
        periodEnd: window.end,
      };
    },
    async settleAbandoned(olderThanMs) {
      const stale = await sql.query<{ id: string; amount_usd: string }>(
        `SELECT id, amount_usd FROM budget_reservations
         WHERE settled_at IS NULL AND created_at < now() - ($1::double precision * interval '1 millisecond')
           AND NOT EXISTS (
             SELECT 1 FROM responses
             WHERE background AND status IN ('queued', 'in_progress') AND accounting IS NOT NULL
               AND (accounting #>> '{reservation,id}') = budget_reservations.id
           )
         ORDER BY created_at LIMIT 1000`,
        [olderThanMs],
      );
      let settled = 0;
      for (const row of stale.rows) {
        if ((await settleOne(row.id, Number(row.amount_usd))).applied) settled += 1;
      }
      return settled;
    },
  };
}
