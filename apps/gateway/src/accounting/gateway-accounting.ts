import {
  createApiKeyRepository,
  createBatchingUsageLedger,
  createBudgetStore,
  createFailOpenRateLimiter,
  createKeyAdmin,
  createRateLimiter,
  createRequestAccounting,
  createUsageAdmin,
  type ApiKeyRepository,
  type BudgetStore,
  type KeyAdmin,
  type RateLimiter,
  type RequestAccounting,
  type UsageAdmin,
  type UsageLedger,
} from '@switchyard/accounting';
import type { SqlClient } from '@switchyard/store';
import type { Logger } from 'pino';
import { defaultRedisKeyPrefix } from '../config/gateway-config.js';
import { PendingWrites } from './pending-writes.js';

/** Keys, limits, budgets and the usage ledger of one gateway instance (tables in the store's database). */
export interface GatewayAccounting {
  readonly keys: ApiKeyRepository;
  readonly ledger: UsageLedger;
  readonly requests: RequestAccounting;
  readonly budgets: BudgetStore;
  readonly limiter: RateLimiter;
  /** Ledger writes made after the answer went out; `close()` waits for them. */
  readonly pending: PendingWrites;
  readonly keyAdmin: KeyAdmin;
  readonly usageAdmin: UsageAdmin;
  /** Waits for the pending ledger writes (and flushes the ledger's batch), then closes the rate limiter. */
  close(): Promise<void>;
}

export interface GatewayAccountingOptions {
  readonly sql: SqlClient;
  /** Rate-limit counters in Redis when set (shared by instances), in-process otherwise. */
  readonly redisUrl: string | undefined;
  /** Prefix of the rate-limit counters' Redis keys (`storage.redis_key_prefix`; `switchyard:` when omitted). */
  readonly redisKeyPrefix?: string;
  readonly logger: Logger;
}

/**
 * Builds the accounting services on the store's SQL client; the rate limiter fails open, keys and
 * budgets fail closed. Must be closed before the store (it drains the ledger writes still pending).
 */
export function createGatewayAccounting(options: GatewayAccountingOptions): GatewayAccounting {
  const keys = createApiKeyRepository(options.sql);
  // Concurrent requests' ledger rows go to the database as one multi-row INSERT (one per macrotask).
  const ledger = createBatchingUsageLedger(options.sql);
  const inner = createRateLimiter({ env: {}, ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix ?? defaultRedisKeyPrefix }) });
  const limiter = createFailOpenRateLimiter(inner, (error) => options.logger.warn({ err: error }, 'rate limiter unavailable; admitting without limits'));
  const budgets = createBudgetStore(options.sql);
  const requests = createRequestAccounting({ limiter, budgets, ledger });
  const pending = new PendingWrites();
  return {
    keys,
    ledger,
    requests,
    budgets,
    limiter,
    pending,
    keyAdmin: createKeyAdmin(keys),
    usageAdmin: createUsageAdmin(ledger),
    async close() {
      await pending.drain();
      await ledger.flush();
      await limiter.close();
    },
  };
}
