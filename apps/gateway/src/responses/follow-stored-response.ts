import type { ResponseStreamEvent } from '@switchyard/contract';
import { followResponseEvents } from '@switchyard/store';
import type { HandlerContext } from '../handlers/handler-context.js';

/**
 * The stored events after `startingAfter`, then the live ones, until the response ends (from any
 * instance: live events come through the hot state's event bus). Undefined for an unknown or
 * foreign id.
 */
export async function followStoredResponse(
  context: HandlerContext,
  responseId: string,
  startingAfter: number | undefined,
): Promise<AsyncGenerator<ResponseStreamEvent> | undefined> {
  return followResponseEvents({
    store: context.state.store,
    events: context.state.hot.events,
    tenantId: context.tenantId,
    responseId,
    signal: context.signal,
    pollIntervalMs: 500,
    ...(startingAfter === undefined ? {} : { startingAfter }),
  });
}
