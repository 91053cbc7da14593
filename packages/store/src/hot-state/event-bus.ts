import type { Subscription } from './subscription.js';

/**
 * Live fan-out of a run's stream events by response id, so a client connected to any instance
 * can follow a background run. Delivery is best effort and live only: replay comes from the
 * stored events (`readEvents`); subscribe first, then replay, then skip duplicates by
 * `sequence_number`.
 */
export interface EventBus<Event = unknown> {
  publish(responseId: string, event: Event): Promise<void>;
  /** Resolves once the subscription is active (events published afterwards are delivered). */
  subscribe(responseId: string, listener: (event: Event) => void): Promise<Subscription>;
  close(): Promise<void>;
}
