import type { CancelSignals } from './cancel-signals.js';
import type { EventBus } from './event-bus.js';
import type { WorkerLiveness } from './worker-liveness.js';

/** The shared hot state of a gateway instance: in-process alone, Redis when several run. */
export interface HotState<Event = unknown> {
  readonly kind: 'in-process' | 'redis';
  readonly events: EventBus<Event>;
  readonly cancels: CancelSignals;
  readonly liveness: WorkerLiveness;
  close(): Promise<void>;
}
