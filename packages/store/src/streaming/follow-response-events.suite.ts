import type { ResponseStreamEvent } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from '../hot-state/create-in-process-hot-state.js';
import type { EventBus } from '../hot-state/event-bus.js';
import type { ResponseStore } from '../response-store.js';
import { newResponse, responseSnapshot, textDelta, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';
import { followResponseEvents } from './follow-response-events.js';

function completedEvent(sequenceNumber: number, id: string): ResponseStreamEvent {
  return { type: 'response.completed', sequence_number: sequenceNumber, response: responseSnapshot(id, 'completed') } as ResponseStreamEvent;
}

/** An in-process bus that counts live subscriptions, to show the follower releases its own. */
function countingBus(): { bus: EventBus<ResponseStreamEvent>; active: () => number } {
  const inner = createInProcessEventBus<ResponseStreamEvent>();
  let active = 0;
  return {
    active: () => active,
    bus: {
      publish: (id, event) => inner.publish(id, event),
      async subscribe(id, listener) {
        const subscription = await inner.subscribe(id, listener);
        active += 1;
        return {
          async unsubscribe() {
            active -= 1;
            await subscription.unsubscribe();
          },
        };
      },
      close: () => inner.close(),
    },
  };
}

function required<Value>(value: Value | undefined): Value {
  if (value === undefined) throw new Error('expected a stream, got undefined (unknown response)');
  return value;
}

async function drain(iterator: AsyncIterable<ResponseStreamEvent>): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of iterator) seen.push(event.sequence_number);
  return seen;
}

/** What a worker does for each event: store it, then publish it. */
async function emit(store: ResponseStore, bus: EventBus<ResponseStreamEvent>, id: string, event: ResponseStreamEvent): Promise<void> {
  await store.appendEvents(id, [event]);
  await bus.publish(id, event);
}

async function backgroundRun(store: ResponseStore): Promise<{ tenantId: string; id: string }> {
  const tenantId = uniqueId('tenant');
  const record = newResponse({ tenantId, background: true });
  await store.createResponse(record);
  return { tenantId, id: record.id };
}

export function defineFollowResponseEventsSuite(harness: StoreHarness): void {
  describe('followResponseEvents', () => {
    it('replays stored events after the cursor, then follows live ones until the terminal event', async () => {
      const { bus, active } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      await harness.store().appendEvents(id, [textDelta(0, 'a'), textDelta(1, 'b'), textDelta(2, 'c')]);
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, startingAfter: 0, pollIntervalMs: 5_000 });
      const seen = drain(required(iterator));
      await emit(harness.store(), bus, id, textDelta(3, 'd'));
      await emit(harness.store(), bus, id, completedEvent(4, id));
      expect(await seen).toEqual([1, 2, 3, 4]);
      expect(active()).toBe(0);
    });

    it('replays a finished run and ends without live events', async () => {
      const { bus } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      await harness.store().appendEvents(id, [textDelta(0, 'a'), textDelta(1, 'b'), completedEvent(2, id)]);
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id });
      expect(await drain(required(iterator))).toEqual([0, 1, 2]);
    });

    it('answers unknown and foreign ids with undefined and holds no subscription', async () => {
      const { bus, active } = countingBus();
      const { id } = await backgroundRun(harness.store());
      expect(await followResponseEvents({ store: harness.store(), events: bus, tenantId: uniqueId('tenant'), responseId: id })).toBeUndefined();
      expect(await followResponseEvents({ store: harness.store(), events: bus, tenantId: uniqueId('tenant'), responseId: uniqueId('resp') })).toBeUndefined();
      expect(active()).toBe(0);
    });

    it('fills a gap in the live feed from the store and yields every event once', async () => {
      const { bus } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      await harness.store().appendEvents(id, [textDelta(0, 'a')]);
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, pollIntervalMs: 5_000 });
      const seen = drain(required(iterator));
      await bus.publish(id, textDelta(0, 'a duplicate of the replay'));
      await harness.store().appendEvents(id, [textDelta(1, 'b'), textDelta(2, 'c')]); // stored, never published
      await emit(harness.store(), bus, id, textDelta(3, 'd'));
      await emit(harness.store(), bus, id, textDelta(3, 'd again'));
      await emit(harness.store(), bus, id, completedEvent(4, id));
      expect(await seen).toEqual([0, 1, 2, 3, 4]);
    });

    it('finds events by polling the store when no live event ever arrives', async () => {
      const { bus } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, pollIntervalMs: 20 });
      const seen = drain(required(iterator));
      await harness.store().appendEvents(id, [textDelta(0, 'a'), textDelta(1, 'b'), completedEvent(2, id)]);
      expect(await seen).toEqual([0, 1, 2]);
    });

    it('ends once the run is cancelled and nothing is left to replay', async () => {
      const { bus, active } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      await harness.store().appendEvents(id, [textDelta(0, 'a')]);
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, pollIntervalMs: 20 });
      const seen = drain(required(iterator));
      await harness.store().requestCancel(tenantId, id);
      expect(await seen).toEqual([0]);
      expect(active()).toBe(0);
    });

    it('ends when the client aborts and when the consumer stops early', async () => {
      const { bus, active } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      await harness.store().appendEvents(id, [textDelta(0, 'a'), textDelta(1, 'b')]);
      const controller = new AbortController();
      const aborted = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, signal: controller.signal, pollIntervalMs: 5_000 });
      const seen = drain(required(aborted));
      setTimeout(() => controller.abort(), 50);
      expect(await seen).toEqual([0, 1]);
      const early = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, pollIntervalMs: 5_000 });
      for await (const event of required(early)) if (event.sequence_number === 0) break;
      expect(active()).toBe(0);
    });

    it('stops when the response is deleted while being followed', async () => {
      const { bus } = countingBus();
      const { tenantId, id } = await backgroundRun(harness.store());
      const iterator = await followResponseEvents({ store: harness.store(), events: bus, tenantId, responseId: id, pollIntervalMs: 20 });
      const seen = drain(required(iterator));
      await harness.store().deleteResponse(tenantId, id);
      expect(await seen).toEqual([]);
    });
  });
}
