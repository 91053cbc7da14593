/** Tracked writes above which new answers wait for the backlog to shrink (see `room`). */
export const defaultPendingWritesLimit = 1000;

/**
 * Ledger writes that run after the answer went out. Each is tracked until it settles, so the
 * gateway's `close()` can wait for them before it closes the store (nothing is lost on a graceful
 * shutdown; a crash leaves open reservations to `settleAbandoned`), and so a database slower than
 * the traffic pushes back (`room`) instead of growing an unbounded backlog in memory.
 */
export class PendingWrites {
  readonly #pending = new Set<Promise<unknown>>();
  readonly #waiters: Array<() => void> = [];
  readonly #limit: number;

  constructor(limit: number = defaultPendingWritesLimit) {
    this.#limit = limit;
  }

  /** Tracks `write` until it settles; returns it (its rejection is the caller's to handle). */
  track<T>(write: Promise<T>): Promise<T> {
    const tracked = write.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(tracked);
    void tracked.finally(() => {
      this.#pending.delete(tracked);
      while (this.#pending.size < this.#limit && this.#waiters.length > 0) this.#waiters.shift()?.();
    });
    return write;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Resolves at once while fewer writes than the limit are pending, else once the backlog is below it. */
  room(): Promise<void> {
    if (this.#pending.size < this.#limit) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Resolves once every write tracked so far (and any tracked while waiting) has settled. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
