/** Stops a listener; safe to call more than once. */
export interface Subscription {
  unsubscribe(): Promise<void>;
}
