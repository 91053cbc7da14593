/**
 * Ledger writes that run after the answer went out. Each is tracked until it settles, so the
 * gateway's `close()` can wait for them before it closes the store (nothing is lost on a graceful
 * shutdown; a crash leaves open reservations to `settleAbandoned`).
 */
export class PendingWrites {
  readonly #pending = new Set<Promise<unknown>>();

  /** Tracks `write` until it settles; returns it (its rejection is the caller's to handle). */
  track<T>(write: Promise<T>): Promise<T> {
    const tracked = write.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
    return write;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Resolves once every write tracked so far (and any tracked while waiting) has settled. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
