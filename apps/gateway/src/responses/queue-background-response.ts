import type { CreateResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { generateId } from '@switchyard/core';
import type { HandlerContext } from '../handlers/handler-context.js';
import { createRowSnapshot } from './create-row-snapshot.js';
import { followStoredResponse } from './follow-stored-response.js';
import type { PreparedCreate } from './prepare-create.js';
import { storageUnavailable } from './storage-errors.js';

/**
 * `background: true`: the request is admitted first (allow-list 403, unknown price for a budgeted
 * key 403, rate limit 429, budget reservation 402: answered at once, nothing queued); then the row
 * is committed as `queued` with that admission (`accounting`: the worker meters the run under it
 * and settles the reservation when the run ends) and its `response.created` and `response.queued`
 * events (sequence 0 and 1) before the 200 goes out; a worker of any instance claims and runs it.
 * With `stream: true` the answer follows the run's events like `GET /v1/responses/{id}?stream=true`.
 */
export async function queueBackgroundResponse(
  body: CreateResponse,
  prepared: PreparedCreate,
  context: HandlerContext,
  id: string = generateId('resp'),
): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const { store } = context.state;
  const snapshot = createRowSnapshot(id, body, 'queued');
  const provider = prepared.target.provider;
  await context.meter.admit({
    providerName: provider.name,
    providerKinds: [provider.adapter.provider, provider.name],
    upstreamModel: prepared.target.upstreamModel,
    clientModel: prepared.clientModel,
    body: prepared.upstreamBody,
  });
  try {
    await store.createResponse({
      id,
      tenantId: context.tenantId,
      status: 'queued',
      model: prepared.clientModel,
      provider: prepared.target.provider.name,
      request: body,
      snapshot,
      previousResponseId: body.previous_response_id ?? null,
      background: true,
      store: body.store !== false,
      inputItems: prepared.inputItems,
      accounting: context.meter.runAccounting() ?? null,
    });
  } catch (error) {
    // Not queued: the request's meter frees the reservation when it closes.
    throw storageUnavailable(error);
  }
  context.meter.handOff();
  // Best effort: the run does not depend on these (followers start from whatever is stored).
  await store
    .appendEvents(id, [
      { type: 'response.created', sequence_number: 0, response: snapshot },
      { type: 'response.queued', sequence_number: 1, response: snapshot },
    ] as ResponseStreamEvent[])
    .catch((error: unknown) => context.logger.warn({ requestId: context.requestId, err: error }, 'storing the queued events failed'));
  context.state.wakeWorker();
  if (body.stream !== true) return snapshot;
  const followed = await followStoredResponse(context, id, undefined);
  return followed ?? snapshot;
}
