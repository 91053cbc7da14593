export type { ApiKeyRecord, BudgetPeriod, KeyBudget, KeyRole } from './keys/api-key-record.js';
export { apiKeyPrefix, generateApiKey, hashApiKey, hashesEqual, type GeneratedApiKey } from './keys/generate-api-key.js';
export { createApiKeyRepository, type ApiKeyChanges, type ApiKeyRepository, type NewApiKey } from './keys/api-key-repository.js';
export { authenticateKey } from './keys/authenticate-key.js';
export { resolveCaller, type Caller, type ResolveCallerOptions } from './keys/caller.js';
export type { AdminKey, AdminKeyBudget, AdminKeyCreated, AdminKeyList, AdminUsageReport, AdminUsageRow } from './admin/admin-wire.js';
export { createKeyAdmin, requireMasterKey, toAdminKey, type KeyAdmin } from './admin/key-admin.js';
export { parseCreateKeyBody, parseUpdateKeyBody, updatableKeyFields, type CreateKeyInput } from './admin/parse-key-bodies.js';
export { createUsageAdmin, type AdminUsageQuery, type UsageAdmin } from './admin/usage-admin.js';
export { createAdminHandlers, adminOperationIds, type AdminHandlerOptions, type AdminOperationId } from './admin/create-admin-handlers.js';
export {
  decide, rateLimitWindowMs,
  type RateLimitDecision, type RateLimiter, type RateLimitPolicy, type RateLimitRequest, type RateLimitWindowState,
} from './limits/rate-limiter.js';
export { createInProcessRateLimiter, type InProcessRateLimiterOptions } from './limits/create-in-process-rate-limiter.js';
export { createRedisRateLimiter, type RedisRateLimiterOptions } from './limits/create-redis-rate-limiter.js';
export { createRateLimiter, type CreateRateLimiterOptions } from './limits/create-rate-limiter.js';
export { formatResetDuration, rateLimitHeaders } from './limits/rate-limit-headers.js';
export { enforceRateLimit } from './limits/enforce-rate-limit.js';
export { periodWindow, type PeriodWindow } from './budgets/budget-period.js';
export {
  createBudgetStore,
  type BudgetAdmission, type BudgetStatus, type BudgetStore, type BudgetStoreOptions, type Reservation, type ReserveRequest, type SettleOutcome,
} from './budgets/budget-store.js';
export type { AttemptEntry, RecordOutcome, RequestEntry, UsageTokens } from './ledger/usage-entry.js';
export { createUsageLedger, type UsageLedger } from './ledger/usage-ledger.js';
export { createBatchingUsageLedger, type BatchingUsageLedger, type BatchingUsageLedgerOptions } from './ledger/create-batching-usage-ledger.js';
export type { AggregateUsageQuery, UsageAggregateRow, UsageGroupBy } from './ledger/aggregate-usage.js';
export { AdminForbiddenError } from './errors/admin-forbidden-error.js';
export { KeyNotFoundError } from './errors/key-not-found-error.js';
export { InvalidAdminRequestError } from './errors/invalid-admin-request-error.js';
export { BudgetExceededError, type BudgetExceededDetails } from './errors/budget-exceeded-error.js';
export { RateLimitExceededError } from './errors/rate-limit-exceeded-error.js';
export { createFailOpenRateLimiter } from './limits/create-fail-open-rate-limiter.js';
export { ModelNotAllowedError } from './errors/model-not-allowed-error.js';
export { ModelPriceUnknownError } from './errors/model-price-unknown-error.js';
export {
  createRequestAccounting,
  type Admission, type AdmitRequest, type RequestAccounting, type RequestAccountingOptions, type RequestOutcome,
} from './request/request-accounting.js';
