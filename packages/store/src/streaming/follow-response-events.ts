import type { ResponseStreamEvent } from '@switchyard/contract';
import type { EventBus } from '../hot-state/event-bus.js';
import type { ResponseStore } from '../response-store.js';
import { isTerminalStatus } from '../responses/response-status.js';

export interface FollowResponseEventsOptions {
  readonly store: Pick<ResponseStore, 'readEvents' | 'getResponse'>;
  readonly events: EventBus<ResponseStreamEvent>;
  readonly tenantId: string;
  readonly responseId: string;
  /** The `starting_after` cursor: only events with a larger `sequence_number`. */
  readonly startingAfter?: number;
  /** Ends the iteration (client went away). */
  readonly signal?: AbortSignal;
  /** Without live events, stored events and the status are re-read this often. 1000 ms when omitted. */
  readonly pollIntervalMs?: number;
}

const terminalEventTypes: ReadonlySet<string> = new Set(['response.completed', 'response.failed', 'response.incomplete', 'error']);

function bySequence(left: ResponseStreamEvent, right: ResponseStreamEvent): number {
  return left.sequence_number - right.sequence_number;
}

/**
 * Streams a (background) response from any instance: subscribes to live events first, replays the
 * stored ones after `startingAfter`, then follows live ones. Each `sequence_number` is yielded once
 * and in order; a gap in the live feed is filled from the store, and without live events the store
 * is polled, so a lost pub/sub message only delays an event. Ends after a terminal event, or when
 * the response is terminal (e.g. cancelled) with nothing left to replay, or deleted, or on abort.
 * Undefined when the response is unknown or another tenant's. Iterate it or call `return()`:
 * the live subscription is released when the iteration ends.
 */
export async function followResponseEvents(options: FollowResponseEventsOptions): Promise<AsyncGenerator<ResponseStreamEvent, void, undefined> | undefined> {
  const live: ResponseStreamEvent[] = [];
  let wake: (() => void) | undefined;
  const subscription = await options.events.subscribe(options.responseId, (event) => {
    live.push(event);
    wake?.();
  });
  let replay: ResponseStreamEvent[] | undefined;
  try {
    replay = await options.store.readEvents(options.tenantId, options.responseId, { startingAfter: options.startingAfter ?? -1 });
  } catch (error) {
    await subscription.unsubscribe();
    throw error;
  }
  if (replay === undefined) {
    await subscription.unsubscribe();
    return undefined;
  }
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;

  const waitForNews = (): Promise<'news' | 'timeout' | 'abort'> =>
    new Promise((resolve) => {
      if (options.signal?.aborted === true) return resolve('abort');
      const finish = (outcome: 'news' | 'timeout' | 'abort'): void => {
        clearTimeout(timer);
        wake = undefined;
        options.signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = (): void => finish('abort');
      const timer = setTimeout(() => finish('timeout'), pollIntervalMs);
      wake = () => finish('news');
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });

  const readAfter = (sequence: number): Promise<ResponseStreamEvent[] | undefined> =>
    options.store.readEvents(options.tenantId, options.responseId, { startingAfter: sequence });

  async function* iterate(initial: ResponseStreamEvent[]): AsyncGenerator<ResponseStreamEvent, void, undefined> {
    let last = options.startingAfter ?? -1;
    let pending = initial;
    try {
      for (;;) {
        for (const event of pending) {
          if (event.sequence_number <= last) continue;
          last = event.sequence_number;
          yield event;
          if (terminalEventTypes.has(event.type)) return;
        }
        pending = [];
        if (options.signal?.aborted === true) return;
        if (live.length > 0) {
          const fresh = live.splice(0).filter((event) => event.sequence_number > last).sort(bySequence);
          const first = fresh[0];
          if (first !== undefined && first.sequence_number !== last + 1) {
            // Something was missed (or published before we subscribed): the store has it.
            const stored = (await readAfter(last)) ?? [];
            pending = [...stored, ...fresh].sort(bySequence);
          } else {
            pending = fresh;
          }
          continue;
        }
        const news = await waitForNews();
        if (news === 'abort') return;
        if (news === 'news') continue;
        const stored = await readAfter(last);
        if (stored === undefined) return; // deleted meanwhile
        if (stored.length > 0) {
          pending = stored;
          continue;
        }
        const response = await options.store.getResponse(options.tenantId, options.responseId);
        if (response === undefined) return;
        if (isTerminalStatus(response.status)) {
          // Events stored between the read above and the status check still go out.
          pending = (await readAfter(last)) ?? [];
          if (pending.length === 0) return;
        }
      }
    } finally {
      await subscription.unsubscribe();
    }
  }

  return iterate(replay);
}
