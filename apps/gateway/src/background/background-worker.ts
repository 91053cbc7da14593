import type { ResponseStreamEvent } from '@switchyard/contract';
import type { HotState, ResponseStore } from '@switchyard/store';
import type { Logger } from 'pino';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import { runBackgroundResponse } from './run-background-response.js';

const unstoredRetentionMs = 10 * 60_000;

export interface BackgroundWorkerOptions {
  readonly store: ResponseStore;
  readonly hot: HotState<ResponseStreamEvent>;
  readonly providers: ProviderDirectory;
  readonly logger: Logger;
  readonly workerId: string;
  /** Runs executed at once by this instance (0: this instance runs none). */
  readonly concurrency: number;
  readonly leaseMs: number;
  /** How often an idle slot polls for queued runs or lapsed leases. */
  readonly pollIntervalMs?: number;
}

/**
 * The in-process worker loop: `concurrency` slots, each claiming the oldest runnable background
 * run (`queued`, or `in_progress` with a lapsed lease: its worker died) with a lease, and running
 * it. Idle slots poll; `wake()` (a run was just queued here) makes them claim at once. On
 * `stop()` running runs are aborted and released back to `queued` for another instance.
 */
export class BackgroundWorker {
  readonly #options: BackgroundWorkerOptions;
  readonly #shutdown = new AbortController();
  readonly #sleepers = new Set<() => void>();
  readonly #running = new Set<string>();
  #slots: Promise<void>[] = [];

  constructor(options: BackgroundWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#slots.length > 0) return;
    this.#slots = [...Array.from({ length: this.#options.concurrency }, () => this.#slot()), this.#purger()];
  }

  wake(): void {
    for (const sleeper of [...this.#sleepers]) sleeper();
  }

  async stop(): Promise<void> {
    this.#shutdown.abort(new Error('The gateway is shutting down.'));
    this.wake();
    await Promise.all(this.#slots);
    await Promise.all(
      [...this.#running].map((id) => this.#options.store.releaseRun(id, this.#options.workerId).catch(() => false)),
    );
  }

  async #slot(): Promise<void> {
    const { store, workerId, leaseMs, logger } = this.#options;
    const interval = this.#options.pollIntervalMs ?? 1000;
    while (!this.#shutdown.signal.aborted) {
      let claimed = false;
      try {
        await this.#options.hot.liveness.heartbeat(workerId, Math.max(leaseMs, interval * 3));
        const run = await store.claimNextRun(workerId, leaseMs);
        if (run !== undefined) {
          claimed = true;
          this.#running.add(run.id);
          try {
            await runBackgroundResponse(run, { ...this.#options, shutdown: this.#shutdown.signal });
          } finally {
            if (!this.#shutdown.signal.aborted) this.#running.delete(run.id);
          }
        }
      } catch (error) {
        if (!this.#shutdown.signal.aborted) logger.warn({ err: error }, 'background worker: claiming or running a run failed');
      }
      if (!claimed) await this.#sleep(interval);
    }
  }

  /** Finished `store: false` rows (background runs kept only for polling) go after 10 minutes, as at OpenAI. */
  async #purger(): Promise<void> {
    while (!this.#shutdown.signal.aborted) {
      await this.#options.store.purgeUnstored(unstoredRetentionMs).catch((error: unknown) => {
        if (!this.#shutdown.signal.aborted) this.#options.logger.warn({ err: error }, 'purging finished store:false responses failed');
      });
      await this.#sleep(60_000, false);
    }
  }

  #sleep(ms: number, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (wakeable) this.#sleepers.add(done);
      else this.#shutdown.signal.addEventListener('abort', done, { once: true });
      if (this.#shutdown.signal.aborted) done();
    });
  }
}
