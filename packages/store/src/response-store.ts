import type { ItemResource, ResponseStreamEvent } from '@switchyard/contract';
import type { SqlClient } from './sql/sql-client.js';
import { runMigrations, type MigrationOutcome } from './migrations/run-migrations.js';
import { createResponse, type NewResponse } from './responses/create-response.js';
import { getResponse } from './responses/get-response.js';
import { deleteResponse } from './responses/delete-response.js';
import { listInputItems, type InputItemPage, type ListInputItemsOptions } from './responses/list-input-items.js';
import { loadConversationChain, type ConversationChain, type LoadConversationChainOptions } from './responses/load-conversation-chain.js';
import { completeResponse, type CompletionOutcome, type ResponseCompletion } from './responses/complete-response.js';
import { appendEvents, readEvents, type ReadEventsOptions } from './responses/response-events.js';
import { claimNextRun, releaseRun, renewLease, type ClaimOptions } from './responses/run-queue.js';
import { requestCancel } from './responses/request-cancel.js';
import { purgeUnstored } from './responses/purge-unstored.js';
import { failAbandonedResponses } from './responses/fail-abandoned-responses.js';
import type { StoredResponse } from './responses/stored-response.js';
import { getItem } from './responses/get-item.js';
import { claimIdempotencyKey, releaseIdempotencyKey, type IdempotencyClaim } from './responses/idempotency-keys.js';

/** Every persistent operation on stateful Responses. Tenant-scoped reads answer "unknown" for foreign ids. */
export interface ResponseStore {
  readonly sql: SqlClient;
  migrate(): Promise<MigrationOutcome>;
  createResponse(record: NewResponse): Promise<StoredResponse>;
  getResponse(tenantId: string, id: string): Promise<StoredResponse | undefined>;
  deleteResponse(tenantId: string, id: string): Promise<boolean>;
  listInputItems(tenantId: string, id: string, options?: ListInputItemsOptions): Promise<InputItemPage | undefined>;
  loadConversationChain(tenantId: string, previousResponseId: string, options?: LoadConversationChainOptions): Promise<ConversationChain>;
  completeResponse(id: string, completion: ResponseCompletion): Promise<CompletionOutcome>;
  appendEvents(id: string, events: readonly ResponseStreamEvent[]): Promise<number>;
  readEvents(tenantId: string, id: string, options?: ReadEventsOptions): Promise<ResponseStreamEvent[] | undefined>;
  claimNextRun(workerId: string, leaseMs: number, options?: ClaimOptions): Promise<StoredResponse | undefined>;
  renewLease(id: string, workerId: string, leaseMs: number): Promise<boolean>;
  releaseRun(id: string, workerId: string): Promise<boolean>;
  requestCancel(tenantId: string, id: string): Promise<StoredResponse | undefined>;
  purgeUnstored(olderThanMs: number): Promise<number>;
  /** Fails foreground responses stuck `in_progress` for longer than `olderThanMs`; see `failAbandonedResponses`. */
  failAbandonedResponses(olderThanMs: number): Promise<number>;
  /** A stored item of the tenant by id (`item_reference`); undefined when unknown or foreign. */
  getItem(tenantId: string, itemId: string): Promise<ItemResource | undefined>;
  /** Claims an `Idempotency-Key` for a new response, or names the response it already maps to. */
  claimIdempotencyKey(tenantId: string, key: string, requestHash: string, responseId: string): Promise<IdempotencyClaim>;
  releaseIdempotencyKey(tenantId: string, key: string, responseId: string): Promise<void>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Binds the repository functions to one SQL client. */
export function createResponseStore(sql: SqlClient): ResponseStore {
  return {
    sql,
    migrate: () => runMigrations(sql),
    createResponse: (record) => createResponse(sql, record),
    getResponse: (tenantId, id) => getResponse(sql, tenantId, id),
    deleteResponse: (tenantId, id) => deleteResponse(sql, tenantId, id),
    listInputItems: (tenantId, id, options) => listInputItems(sql, tenantId, id, options),
    loadConversationChain: (tenantId, previousResponseId, options) => loadConversationChain(sql, tenantId, previousResponseId, options),
    completeResponse: (id, completion) => completeResponse(sql, id, completion),
    appendEvents: (id, events) => appendEvents(sql, id, events),
    readEvents: (tenantId, id, options) => readEvents(sql, tenantId, id, options),
    claimNextRun: (workerId, leaseMs, options) => claimNextRun(sql, workerId, leaseMs, options),
    renewLease: (id, workerId, leaseMs) => renewLease(sql, id, workerId, leaseMs),
    releaseRun: (id, workerId) => releaseRun(sql, id, workerId),
    requestCancel: (tenantId, id) => requestCancel(sql, tenantId, id),
    purgeUnstored: (olderThanMs) => purgeUnstored(sql, olderThanMs),
    failAbandonedResponses: (olderThanMs) => failAbandonedResponses(sql, olderThanMs),
    getItem: (tenantId, itemId) => getItem(sql, tenantId, itemId),
    claimIdempotencyKey: (tenantId, key, requestHash, responseId) => claimIdempotencyKey(sql, tenantId, key, requestHash, responseId),
    releaseIdempotencyKey: (tenantId, key, responseId) => releaseIdempotencyKey(sql, tenantId, key, responseId),
    async ping() {
      await sql.query('SELECT 1');
    },
    close: () => sql.close(),
  };
}
