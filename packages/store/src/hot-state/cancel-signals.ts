import type { Subscription } from './subscription.js';

/** Tells the instance running a response to stop it (the durable status flip lives in the store). */
export interface CancelSignals {
  publishCancel(responseId: string): Promise<void>;
  /** Resolves once the listener is active. */
  onCancel(responseId: string, listener: () => void): Promise<Subscription>;
  close(): Promise<void>;
}
