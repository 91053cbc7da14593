import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotState } from './hot-state.js';

/** Two views of one hot state, as two gateway instances would hold them (one object in-process). */
export interface HotStatePair {
  readonly here: HotState<TestEvent>;
  readonly there: HotState<TestEvent>;
  close(): Promise<void>;
}

export interface TestEvent {
  readonly sequence_number: number;
  readonly label: string;
}

/** Resolves with the first `count` values pushed, or rejects after `timeoutMs`. */
function collector<Value>(count: number, timeoutMs = 5_000): { push: (value: Value) => void; done: Promise<Value[]> } {
  const values: Value[] = [];
  let resolve: (values: Value[]) => void = () => undefined;
  const done = new Promise<Value[]>((resolvePromise, reject) => {
    resolve = resolvePromise;
    setTimeout(() => reject(new Error(`expected ${count} deliveries, got ${values.length}`)), timeoutMs).unref();
  });
  return {
    push(value) {
      values.push(value);
      if (values.length === count) resolve([...values]);
    },
    done,
  };
}

let counter = 0;
function freshId(): string {
  counter += 1;
  return `resp_hot_${process.pid}_${Date.now()}_${counter}`;
}

export function defineHotStateSuite(name: string, open: () => Promise<HotStatePair>): void {
  describe(`hot state: ${name}`, () => {
    let pair: HotStatePair | undefined;
    const opened = (): HotStatePair => {
      if (pair === undefined) throw new Error('The hot state did not open.');
      return pair;
    };
    beforeAll(async () => {
      pair = await open();
    });
    afterAll(async () => {
      await pair?.close();
    });

    it('delivers a run\'s events, in order, to a subscriber on another instance', async () => {
      const id = freshId();
      const received = collector<TestEvent>(3);
      const subscription = await opened().here.events.subscribe(id, received.push);
      for (const sequence of [0, 1, 2]) await opened().there.events.publish(id, { sequence_number: sequence, label: `e${sequence}` });
      expect(await received.done).toEqual([0, 1, 2].map((sequence) => ({ sequence_number: sequence, label: `e${sequence}` })));
      await subscription.unsubscribe();
    });

    it('keeps response ids apart, serves several subscribers, and stops after unsubscribe', async () => {
      const id = freshId();
      const other = freshId();
      const first = collector<TestEvent>(2);
      const second = collector<TestEvent>(1);
      const strays: TestEvent[] = [];
      const firstSubscription = await opened().here.events.subscribe(id, first.push);
      const secondSubscription = await opened().here.events.subscribe(id, second.push);
      const otherSubscription = await opened().here.events.subscribe(other, (event) => strays.push(event));
      await opened().there.events.publish(id, { sequence_number: 0, label: 'both' });
      expect(await second.done).toEqual([{ sequence_number: 0, label: 'both' }]);
      await secondSubscription.unsubscribe();
      await secondSubscription.unsubscribe();
      await opened().there.events.publish(id, { sequence_number: 1, label: 'first only' });
      expect(await first.done).toEqual([
        { sequence_number: 0, label: 'both' },
        { sequence_number: 1, label: 'first only' },
      ]);
      expect(strays).toEqual([]);
      await Promise.all([firstSubscription.unsubscribe(), otherSubscription.unsubscribe()]);
    });

    it('keeps delivering to other listeners when one throws', async () => {
      const id = freshId();
      const received = collector<TestEvent>(1);
      const throwing = await opened().here.events.subscribe(id, () => {
        throw new Error('listener bug');
      });
      const healthy = await opened().here.events.subscribe(id, received.push);
      await opened().there.events.publish(id, { sequence_number: 7, label: 'x' });
      expect(await received.done).toHaveLength(1);
      await Promise.all([throwing.unsubscribe(), healthy.unsubscribe()]);
    });

    it('routes a cancel for a response id to the instance running it, and only for that id', async () => {
      const id = freshId();
      const bystander = freshId();
      const cancels = collector<string>(1);
      let bystanderCancelled = false;
      const running = await opened().here.cancels.onCancel(id, () => cancels.push(id));
      const other = await opened().here.cancels.onCancel(bystander, () => {
        bystanderCancelled = true;
      });
      await opened().there.cancels.publishCancel(id);
      expect(await cancels.done).toEqual([id]);
      // A later cancel for the bystander proves the earlier one was not delivered to it.
      const later = collector<string>(1);
      const probe = await opened().here.cancels.onCancel(bystander, () => later.push(bystander));
      expect(bystanderCancelled).toBe(false);
      await opened().there.cancels.publishCancel(bystander);
      await later.done;
      expect(bystanderCancelled).toBe(true);
      await Promise.all([running.unsubscribe(), other.unsubscribe(), probe.unsubscribe()]);
    });

    it('does not call a cancel listener after it unsubscribed', async () => {
      const id = freshId();
      let calls = 0;
      const subscription = await opened().here.cancels.onCancel(id, () => {
        calls += 1;
      });
      await subscription.unsubscribe();
      const sentinel = collector<string>(1);
      const probe = await opened().here.cancels.onCancel(id, () => sentinel.push(id));
      await opened().there.cancels.publishCancel(id);
      await sentinel.done;
      expect(calls).toBe(0);
      await probe.unsubscribe();
    });

    it('tracks worker heartbeats across instances until their TTL runs out', async () => {
      const worker = `worker-${freshId()}`;
      const shortLived = `worker-${freshId()}`;
      await opened().here.liveness.heartbeat(worker, 60_000);
      await opened().here.liveness.heartbeat(shortLived, 100);
      expect(await opened().there.liveness.isAlive(worker)).toBe(true);
      expect(await opened().there.liveness.listAlive()).toEqual(expect.arrayContaining([worker]));
      await sleep(250);
      expect(await opened().there.liveness.isAlive(shortLived)).toBe(false);
      expect(await opened().there.liveness.listAlive()).not.toContain(shortLived);
      await opened().there.liveness.heartbeat(shortLived, 60_000);
      expect(await opened().here.liveness.isAlive(shortLived)).toBe(true);
      await opened().there.liveness.remove(worker);
      expect(await opened().here.liveness.isAlive(worker)).toBe(false);
      expect(await opened().here.liveness.isAlive('never-seen')).toBe(false);
      await opened().here.liveness.remove(shortLived);
    });

    it('rejects a heartbeat TTL that is not a positive integer', async () => {
      await expect(opened().here.liveness.heartbeat('worker-x', 0)).rejects.toThrow(RangeError);
    });
  });
}
