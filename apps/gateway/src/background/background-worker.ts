import type { ResponseStreamEvent } from '@switchyard/contract';
import type { Router } from '@switchyard/router';
import type { HotState, ResponseStore } from '@switchyard/store';
import type { Logger } from 'pino';
import type { GatewayAccounting } from '../accounting/gateway-accounting.js';
import type { CompactionConfig } from '../config/compaction-config.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import { runBackgroundResponse } from './run-background-response.js';

const unstoredRetentionMs = 10 * 60_000;
const abandonedAfterMs = 60 * 60_000;
/**
 * Budget reservations still open after this long belong to a request whose instance died: they are
 * settled at their reserved amount (billing fails closed). Two hours is twice the time after which
 * a foreground response left `in_progress` is failed, so it cannot hit a live foreground request;
 * a live background run (queued or in progress) is never touched, however old (`settleAbandoned`).
 */
export const reservationAbandonedAfterMs = 2 * 60 * 60_000;
const housekeepingIntervalMs = 60_000;

export interface BackgroundWorkerOptions {
  readonly store: ResponseStore;
  readonly hot: HotState<ResponseStreamEvent>;
  readonly providers: ProviderDirectory;
  /** The gateway's router, so a run's alias or deployment name resolves. */
  readonly router?: Router;
  readonly logger: Logger;
  readonly workerId: string;
  /** Runs executed at once by this instance (0: this instance runs none). */
  readonly concurrency: number;
  readonly leaseMs: number;
  /** The `compaction:` config section, passed to each run (`context_management`). */
  readonly compaction?: CompactionConfig;
  /** How often an idle slot polls for queued runs or lapsed leases. */
  readonly pollIntervalMs?: number;
  /** Keys, budgets and the ledger: runs are metered, abandoned reservations settled. */
  readonly accounting?: () => GatewayAccounting;
  /** How often housekeeping runs (default once a minute). */
  readonly housekeepingIntervalMs?: number;
  /** Age after which an open budget reservation is settled (default `reservationAbandonedAfterMs`). */
  readonly reservationAbandonedAfterMs?: number;
}

/**
 * The in-process worker: up to `concurrency` runs at once, each claimed with a lease (the oldest
 * runnable background run: `queued`, or `in_progress` with a lapsed lease because its worker
 * died). While a slot is free it polls; `wake()` (a run was just queued here) claims at once. On
 * `stop()` running runs are aborted and released back to `queued` for another instance.
 */
export class BackgroundWorker {
  readonly #options: BackgroundWorkerOptions;
  readonly #shutdown = new AbortController();
  readonly #sleepers = new Set<() => void>();
  readonly #running = new Map<string, Promise<void>>();
  #loops: Promise<void>[] = [];

  constructor(options: BackgroundWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#loops.length > 0) return;
    this.#loops = [this.#claimLoop(), this.#purger()];
  }

  wake(): void {
    for (const sleeper of [...this.#sleepers]) sleeper();
  }

  async stop(): Promise<void> {
    this.#shutdown.abort(new Error('The gateway is shutting down.'));
    this.wake();
    await Promise.all(this.#loops);
    await Promise.all([...this.#running.values()]);
    await Promise.all([...this.#running.keys()].map((id) => this.#options.store.releaseRun(id, this.#options.workerId).catch(() => false)));
    await this.#options.hot.liveness.remove(this.#options.workerId).catch(() => undefined);
  }

  /**
   * One claim query per interval while this instance has a free slot (at once after `wake()` or
   * when a run ends), so idle instances cost one small query a second each.
   */
  async #claimLoop(): Promise<void> {
    const { store, workerId, leaseMs, logger, concurrency } = this.#options;
    const interval = this.#options.pollIntervalMs ?? 1000;
    while (!this.#shutdown.signal.aborted) {
      let claimed = false;
      if (this.#running.size < concurrency) {
        try {
          await this.#options.hot.liveness.heartbeat(workerId, Math.max(leaseMs, interval * 3));
          const run = await store.claimNextRun(workerId, leaseMs);
          if (run !== undefined && !this.#shutdown.signal.aborted) {
            claimed = true;
            const execution = runBackgroundResponse(run, { ...this.#options, shutdown: this.#shutdown.signal })
              .catch((error: unknown) => logger.warn({ responseId: run.id, err: error }, 'background run ended with an error'))
              .finally(() => {
                // On shutdown the entry stays, so `stop()` releases the run for another instance.
                if (!this.#shutdown.signal.aborted) this.#running.delete(run.id);
                this.wake();
              });
            this.#running.set(run.id, execution);
          }
        } catch (error) {
          if (!this.#shutdown.signal.aborted) logger.warn({ err: error }, 'background worker: claiming a run failed');
        }
      }
      if (!claimed) await this.#sleep(interval);
    }
  }

  /**
   * Housekeeping once a minute: finished `store: false` rows (background runs kept only for polling)
   * go after 10 minutes, as at OpenAI; foreground responses left `in_progress` for an hour (their
   * instance died mid-stream) become `failed`, so nothing stays `in_progress` forever; budget
   * reservations left open for two hours (their instance died) are settled at their reserved amount.
   */
  async #purger(): Promise<void> {
    const warn = (what: string) => (error: unknown) => {
      if (!this.#shutdown.signal.aborted) this.#options.logger.warn({ err: error }, `${what} failed`);
      return 0;
    };
    while (!this.#shutdown.signal.aborted) {
      await this.#options.store.purgeUnstored(unstoredRetentionMs).catch(warn('purging finished store:false responses'));
      await this.#options.store.failAbandonedResponses(abandonedAfterMs).catch(warn('failing abandoned foreground responses'));
      await this.#settleAbandonedReservations().catch(warn('settling abandoned budget reservations'));
      await this.#sleep(this.#options.housekeepingIntervalMs ?? housekeepingIntervalMs, false);
    }
  }

  async #settleAbandonedReservations(): Promise<number> {
    const accounting = this.#options.accounting;
    if (accounting === undefined) return 0;
    const settled = await accounting().budgets.settleAbandoned(this.#options.reservationAbandonedAfterMs ?? reservationAbandonedAfterMs);
    if (settled > 0) this.#options.logger.warn({ settled }, 'settled abandoned budget reservations at their reserved amount');
    return settled;
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
