import type { Logger } from 'pino';
import type { GatewayAccounting } from './gateway-accounting.js';

export interface LedgerWriteQueueOptions {
  readonly accounting: () => GatewayAccounting;
  readonly requestId: string;
  readonly logger: Logger;
}

/**
 * One request's ledger writes: they run one after the other, after the answer, each tracked by
 * the gateway's pending writes (drained on shutdown). A failed write is logged, never thrown: the
 * answer was paid for already, and an open reservation is settled at its worst case later.
 */
export class LedgerWriteQueue {
  readonly #options: LedgerWriteQueueOptions;
  #writes: Promise<void> = Promise.resolve();

  constructor(options: LedgerWriteQueueOptions) {
    this.#options = options;
  }

  /** Queues `write` after the writes queued so far; the promise resolves once it ran (`what` names it in the log). */
  enqueue(what: string, write: (accounting: GatewayAccounting) => Promise<unknown>): Promise<void> {
    const { accounting, requestId, logger } = this.#options;
    const next = this.#writes.then(async () => {
      try {
        await write(accounting());
      } catch (error) {
        logger.error({ requestId, err: error }, `writing the usage ledger (${what}) failed`);
      }
    });
    this.#writes = next;
    try {
      accounting().pending.track(next);
    } catch {
      // No accounting yet (the store is not open): the write reports the same when it runs.
    }
    return next;
  }

  /** Resolves once every write queued so far is done. */
  written(): Promise<void> {
    return this.#writes;
  }

  /** Resolves at once unless the gateway's backlog of pending writes is over its limit, else once it is below. */
  async room(): Promise<void> {
    try {
      await this.#options.accounting().pending.room();
    } catch {
      // No accounting (the store is not open): nothing to wait for.
    }
  }
}
