import type { OutputItem, Response, ResponseStreamEvent } from '@switchyard/contract';
import { responseErrorFromError } from '@switchyard/core';
import type { ResponseStore, ServedBy } from '@switchyard/store';
import type { Logger } from 'pino';
import { eventWithIdentity, type ResponseIdentity } from './response-identity.js';
import { completionOf, outputItemOf, terminalOutcomeOf, type TerminalOutcome } from './terminal-outcome.js';

export interface RecordResponseStreamOptions {
  readonly identity: ResponseIdentity;
  /** Undefined for `store: false`: events are only relabelled, nothing is written. */
  readonly store: ResponseStore | undefined;
  readonly tenantId: string;
  readonly logger: Logger;
  readonly requestId: string;
  /** The client's signal: an error after it aborted is the disconnect, stored as `cancelled`. */
  readonly signal: AbortSignal;
  /** Called after the row was removed because the stream failed before its first event. */
  readonly onDiscarded?: () => Promise<void>;
  /** What served the stream (a routed request's deployment), recorded with the final state. */
  readonly servedBy?: () => ServedBy | undefined;
}

/**
 * Tees a foreground stream through the store: each event gets the gateway's identity; the
 * terminal event (`response.completed|failed|incomplete`, `error`) is written out only AFTER the
 * events and the final state are persisted, so a follow-up sent the moment the client sees it
 * finds the response. If the stream fails before any event went out, the row is removed (the
 * client gets a plain error, never saw the id, and may retry). A client disconnect stores what
 * was produced as `cancelled`.
 */
export async function* recordResponseStream(
  events: AsyncIterable<ResponseStreamEvent>,
  options: RecordResponseStreamOptions,
): AsyncGenerator<ResponseStreamEvent> {
  const { identity, store } = options;
  const seen: ResponseStreamEvent[] = [];
  const seenItems: OutputItem[] = [];
  let snapshot: Response | undefined;
  let settled = store === undefined;

  const persist = async (outcome: TerminalOutcome): Promise<void> => {
    if (store === undefined) return;
    settled = true;
    await store.appendEvents(identity.id, seen);
    const servedBy = options.servedBy?.();
    await store.completeResponse(identity.id, completionOf(outcome, seenItems, snapshot, servedBy === undefined ? {} : { servedBy }));
  };

  try {
    for await (const upstreamEvent of events) {
      const event = eventWithIdentity(upstreamEvent, identity);
      seen.push(event);
      const item = outputItemOf(event);
      if (item !== undefined) seenItems.push(item);
      const carried = (event as { response?: Response }).response;
      if (carried !== undefined) snapshot = carried;
      const outcome = terminalOutcomeOf(event);
      if (outcome !== undefined && !settled) await persist(outcome);
      yield event;
    }
    if (!settled) {
      await persist({ status: 'incomplete', response: undefined });
    }
  } catch (error) {
    if (!settled && store !== undefined) {
      settled = true;
      if (seen.length === 0) {
        await store.deleteResponse(options.tenantId, identity.id);
        await options.onDiscarded?.();
      } else if (options.signal.aborted) await persist({ status: 'cancelled', response: undefined });
      else await persist({ status: 'failed', response: undefined, error: responseErrorFromError(error) });
    }
    throw error;
  } finally {
    if (!settled) {
      // The client went away (the writer closed this generator): keep what was produced.
      await persist({ status: 'cancelled', response: undefined }).catch((error: unknown) =>
        options.logger.warn({ requestId: options.requestId, err: error }, 'storing an interrupted stream failed'),
      );
    }
  }
}
