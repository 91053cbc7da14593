import { createHash } from 'node:crypto';
import type { CreateResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { GatewayError, generateId } from '@switchyard/core';
import type { HandlerContext } from '../handlers/handler-context.js';
import { followStoredResponse } from './follow-stored-response.js';
import { storageUnavailable } from './storage-errors.js';

/** What a create does about its `Idempotency-Key`. */
export type IdempotentCreate =
  /**
   * Create the response with this id (the key, if any, now maps to it). `release` forgets the key
   * when the create fails before anything was acknowledged, so the client's retry starts clean.
   */
  | { readonly kind: 'create'; readonly id: string; readonly release?: () => Promise<void> }
  /** The key already maps to a response created from the same body: answer with it. */
  | { readonly kind: 'replay'; readonly result: Response | AsyncIterable<ResponseStreamEvent> };

function keyReused(): GatewayError {
  return new GatewayError({
    status: 409,
    type: 'invalid_request_error',
    code: 'idempotency_key_reused',
    param: null,
    message: 'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
    headers: { 'x-should-retry': 'false' },
  });
}

/**
 * The first request with this key is still being answered (Stripe's rule for concurrent requests
 * with one key): retryable, and the retry replays the first response once it is there.
 */
function keyInUse(): GatewayError {
  return new GatewayError({
    status: 409,
    type: 'invalid_request_error',
    code: 'idempotency_key_in_use',
    param: null,
    message: 'Another request with this Idempotency-Key is still in progress. Retry shortly: once it has finished, the same request answers with its response.',
    isRetryable: true,
    headers: { 'retry-after': '1', 'x-should-retry': 'true' },
  });
}

/** Same key, same body: compared by a hash of the validated JSON body. */
function requestHash(body: CreateResponse): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * `Idempotency-Key` on `POST /v1/responses`: within 24 hours, the same key from the same tenant
 * with the same body answers with the response the first request created (its stored object, or
 * its events for `stream: true`) without calling the provider again; another body is a 409
 * `idempotency_key_reused`. Concurrent first requests: the store lets exactly one claim the key;
 * the others get a retryable 409 `idempotency_key_in_use` (`Retry-After: 1`, `x-should-retry:
 * true`) while the winner has not created its row yet or is still answering in the foreground (a
 * queued background run is already its answer, so it is replayed). Only for responses the gateway
 * keeps (stored or background): with `store: false` in the foreground there is nothing to answer
 * with, and the key is ignored. A create that fails before answering releases its claim (see
 * `IdempotentCreate.release`).
 */
export async function claimIdempotentCreate(key: string | undefined, body: CreateResponse, context: HandlerContext): Promise<IdempotentCreate> {
  const id = generateId('resp');
  if (key === undefined || key === '' || (body.store === false && body.background !== true)) return { kind: 'create', id };
  const { store } = context.state;
  let claim;
  try {
    claim = await store.claimIdempotencyKey(context.tenantId, key, requestHash(body), id);
  } catch (error) {
    throw storageUnavailable(error);
  }
  if (claim.kind === 'claimed') return { kind: 'create', id, release: () => store.releaseIdempotencyKey(context.tenantId, key, id) };
  if (claim.kind === 'reused') throw keyReused();
  const existing = await store.getResponse(context.tenantId, claim.responseId);
  // No row yet: the winner is on its way (or died, or the client deleted the response: the store
  // hands the key over once the claim is older than its pending window).
  if (existing === undefined || existing.snapshot === null) throw keyInUse();
  if (!existing.background && existing.status === 'in_progress') throw keyInUse();
  if (body.stream === true) {
    const followed = await followStoredResponse(context, existing.id, undefined);
    if (followed !== undefined) return { kind: 'replay', result: followed };
  }
  return { kind: 'replay', result: existing.snapshot };
}
