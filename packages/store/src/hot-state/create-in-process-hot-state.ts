import type { CancelSignals } from './cancel-signals.js';
import type { EventBus } from './event-bus.js';
import type { HotState } from './hot-state.js';
import { LocalChannels } from './local-channels.js';
import type { Subscription } from './subscription.js';
import type { WorkerLiveness } from './worker-liveness.js';

function subscriptionFor(remove: () => void): Subscription {
  let active = true;
  return {
    async unsubscribe() {
      if (!active) return;
      active = false;
      remove();
    },
  };
}

export function createInProcessEventBus<Event = unknown>(): EventBus<Event> {
  const channels = new LocalChannels<Event>();
  return {
    async publish(responseId, event) {
      channels.deliver(responseId, event);
    },
    async subscribe(responseId, listener) {
      channels.add(responseId, listener);
      return subscriptionFor(() => channels.remove(responseId, listener));
    },
    async close() {
      channels.clear();
    },
  };
}

export function createInProcessCancelSignals(): CancelSignals {
  const channels = new LocalChannels<null>();
  return {
    async publishCancel(responseId) {
      channels.deliver(responseId, null);
    },
    async onCancel(responseId, listener) {
      const wrapped = (): void => listener();
      channels.add(responseId, wrapped);
      return subscriptionFor(() => channels.remove(responseId, wrapped));
    },
    async close() {
      channels.clear();
    },
  };
}

export function createInProcessWorkerLiveness(now: () => number = Date.now): WorkerLiveness {
  const expiries = new Map<string, number>();
  const prune = (): void => {
    const current = now();
    for (const [workerId, expiresAt] of expiries) if (expiresAt <= current) expiries.delete(workerId);
  };
  return {
    async heartbeat(workerId, ttlMs) {
      if (!Number.isInteger(ttlMs) || ttlMs < 1) throw new RangeError('ttlMs must be a positive integer.');
      expiries.set(workerId, now() + ttlMs);
    },
    async isAlive(workerId) {
      prune();
      return expiries.has(workerId);
    },
    async listAlive() {
      prune();
      return [...expiries.keys()].sort();
    },
    async remove(workerId) {
      expiries.delete(workerId);
    },
    async close() {
      expiries.clear();
    },
  };
}

/** Single-instance hot state: everything lives in this process. */
export function createInProcessHotState<Event = unknown>(): HotState<Event> {
  const events = createInProcessEventBus<Event>();
  const cancels = createInProcessCancelSignals();
  const liveness = createInProcessWorkerLiveness();
  return {
    kind: 'in-process',
    events,
    cancels,
    liveness,
    async close() {
      await Promise.all([events.close(), cancels.close(), liveness.close()]);
    },
  };
}
