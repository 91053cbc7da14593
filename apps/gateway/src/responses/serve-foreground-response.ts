import type { CreateResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { GatewayError, generateId } from '@switchyard/core';
import { dispatchContextFor, type HandlerContext } from '../handlers/handler-context.js';
import { dispatchOperation } from '../routing/dispatch-operation.js';
import { trackServedBy } from '../routing/track-served-by.js';
import { createRowSnapshot } from './create-row-snapshot.js';
import type { PreparedCreate } from './prepare-create.js';
import { recordResponseStream } from './record-response-stream.js';
import { identityOf, withIdentity } from './response-identity.js';
import { completionOf } from './terminal-outcome.js';
import { withLeadingOutputItems } from './with-leading-output-items.js';
import { storageUnavailable } from './storage-errors.js';

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

type CreateInput = { readonly body: CreateResponse; readonly headers?: { readonly 'x-switchyard-strict'?: 'true' | 'false'; readonly 'Idempotency-Key'?: string } };

export interface ServeForegroundOptions {
  /** Called when the row is removed because nothing went out (a stream that failed before its first event). */
  readonly onDiscarded?: () => Promise<void>;
}

/**
 * A foreground create. With `store` (the default) the row exists (`in_progress`) before the
 * upstream call, and the final state is persisted before the JSON body or the terminal event goes
 * out. An upstream failure before any output removes the row: the client never saw the id and the
 * SDK's retry starts clean. The final state records the provider and deployment that served it
 * (see `trackServedBy`). A persistence failure AFTER the upstream answered is a 500 with
 * `x-should-retry: false`, so the SDK does not pay for the call twice.
 */
export async function serveForegroundResponse(
  input: CreateInput,
  prepared: PreparedCreate,
  context: HandlerContext,
  id: string = generateId('resp'),
  options: ServeForegroundOptions = {},
): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const body = input.body;
  const identity = identityOf(id, body);
  const store = identity.store ? context.state.store : undefined;
  if (store !== undefined) {
    try {
      await store.createResponse({
        id,
        tenantId: context.tenantId,
        status: 'in_progress',
        model: prepared.clientModel,
        provider: prepared.target.provider.name,
        request: body,
        snapshot: createRowSnapshot(id, body, 'in_progress'),
        previousResponseId: identity.previousResponseId,
        background: false,
        store: true,
        inputItems: prepared.inputItems,
      });
    } catch (error) {
      throw storageUnavailable(error);
    }
  }
  // The row records the provider and deployment that served the response (a fallback's, not the alias's first).
  const dispatch = trackServedBy({
    ...dispatchContextFor(context, prepared.target.upstreamModel, prepared.clientModel, id),
    ...(prepared.reasoningOrigins === undefined ? {} : { reasoningOrigins: prepared.reasoningOrigins }),
  });
  let upstreamResult: Response | AsyncIterable<ResponseStreamEvent>;
  try {
    upstreamResult = await dispatchOperation('createResponse', prepared.target.provider, { ...input, body: prepared.upstreamBody }, dispatch.context);
  } catch (error) {
    if (store !== undefined) await store.deleteResponse(context.tenantId, id).catch(() => undefined);
    throw error;
  }
  // Automatic compaction (`context_management`) reports its item first, as OpenAI does.
  const result = withLeadingOutputItems(upstreamResult, prepared.compaction === undefined ? [] : [prepared.compaction]);
  if (isAsyncIterable<ResponseStreamEvent>(result)) {
    return recordResponseStream(result, {
      identity,
      store,
      tenantId: context.tenantId,
      logger: context.logger,
      requestId: context.requestId,
      signal: context.signal,
      servedBy: dispatch.servedBy,
      ...(options.onDiscarded === undefined ? {} : { onDiscarded: options.onDiscarded }),
    });
  }
  const response = withIdentity(result, identity);
  if (store !== undefined) {
    const status = response.status === 'failed' || response.status === 'incomplete' || response.status === 'cancelled' ? response.status : 'completed';
    try {
      const servedBy = dispatch.servedBy();
      await store.completeResponse(id, completionOf({ status, response }, [], response, servedBy === undefined ? {} : { servedBy }));
    } catch (error) {
      context.logger.error({ requestId: context.requestId, err: error }, 'storing a finished response failed');
      throw new GatewayError({
        status: 500,
        type: 'server_error',
        message: 'The response was generated but could not be stored. It was not retried, to avoid paying for it twice.',
        headers: { 'x-should-retry': 'false' },
      });
    }
  }
  return response;
}
