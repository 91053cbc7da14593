export { openStore, resolveStoreBackend, type OpenStoreOptions, type StoreBackend } from './open-store.js';
export { createResponseStore, type ResponseStore } from './response-store.js';
export type { SqlClient, SqlExecutor, SqlParameter, SqlResult } from './sql/sql-client.js';
export { createPgliteClient, type PgliteClientOptions } from './sql/create-pglite-client.js';
export { createPostgresClient, type PostgresClientOptions } from './sql/create-postgres-client.js';
export { runMigrations, type MigrationOutcome } from './migrations/run-migrations.js';
export { migrations } from './migrations/migrations.js';
export type { Migration } from './migrations/migration.js';
export { isTerminalStatus, terminalStatuses, type ResponseStatus, type TerminalResponseStatus } from './responses/response-status.js';
export type { StoredInputItem, StoredOutputItem, StoredResponse } from './responses/stored-response.js';
export type { NewResponse } from './responses/create-response.js';
export { runAccountingFrom, type RunAccounting, type RunReservation } from './responses/run-accounting.js';
export type { InputItemPage, ListInputItemsOptions } from './responses/list-input-items.js';
export type { ChainItemOrigin, ChainLink, ConversationChain, LoadConversationChainOptions } from './responses/load-conversation-chain.js';
export type { CompletionOutcome, ResponseCompletion, ServedBy } from './responses/complete-response.js';
export type { ReadEventsOptions } from './responses/response-events.js';
export type { ClaimOptions } from './responses/run-queue.js';
export { idempotencyWindowMs, type IdempotencyClaim } from './responses/idempotency-keys.js';
export { PreviousResponseNotFoundError } from './errors/previous-response-not-found-error.js';
export { ResponseNotCancellableError } from './errors/response-not-cancellable-error.js';
export { InvalidListParameterError } from './errors/invalid-list-parameter-error.js';
export type { Subscription } from './hot-state/subscription.js';
export type { EventBus } from './hot-state/event-bus.js';
export type { CancelSignals } from './hot-state/cancel-signals.js';
export type { WorkerLiveness } from './hot-state/worker-liveness.js';
export type { HotState } from './hot-state/hot-state.js';
export {
  createInProcessCancelSignals,
  createInProcessEventBus,
  createInProcessHotState,
  createInProcessWorkerLiveness,
} from './hot-state/create-in-process-hot-state.js';
export { createRedisHotState, type RedisHotStateOptions } from './hot-state/create-redis-hot-state.js';
export { createHotState, type CreateHotStateOptions } from './hot-state/create-hot-state.js';
export { followResponseEvents, type FollowResponseEventsOptions } from './streaming/follow-response-events.js';
export { holdRun, type HoldRunOptions, type RunAbortReason, type RunHold } from './worker/hold-run.js';
