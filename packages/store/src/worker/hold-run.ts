import type { CancelSignals } from '../hot-state/cancel-signals.js';
import type { Subscription } from '../hot-state/subscription.js';
import type { ResponseStore } from '../response-store.js';

export interface HoldRunOptions {
  readonly store: Pick<ResponseStore, 'renewLease'>;
  readonly cancels: CancelSignals;
  readonly responseId: string;
  readonly workerId: string;
  /** The lease length used with `claimNextRun`. */
  readonly leaseMs: number;
  /** How often the lease is renewed; a third of `leaseMs` when omitted. */
  readonly renewEveryMs?: number;
  /** Current time, for tests; `Date.now` when omitted. */
  readonly now?: () => number;
}

/** Why a held run was aborted: a cancel signal, or the lease is gone (cancelled, deleted, reclaimed, unrenewable). */
export type RunAbortReason = 'cancelled' | 'lease_lost';

export interface RunHold {
  /** Aborts when the run must stop; pass it to the upstream call. */
  readonly signal: AbortSignal;
  /** Undefined while the run may go on. */
  readonly abortReason: RunAbortReason | undefined;
  /** Stops renewing and listening (call it after `completeResponse`, or before `releaseRun`). */
  release(): Promise<void>;
}

/**
 * Keeps a claimed background run alive and stoppable: renews its lease on a timer and listens for
 * its cancel signal. The signal aborts at once on a cancel from any instance, and at the next
 * renewal when the database says the lease is gone (a cancel whose pub/sub message was lost, a
 * delete, a reclaim). If renewals keep failing (database unreachable) until the lease has run out,
 * it aborts too, since another worker may now own the run.
 */
export async function holdRun(options: HoldRunOptions): Promise<RunHold> {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  let abortReason: RunAbortReason | undefined;
  const abort = (reason: RunAbortReason): void => {
    if (abortReason !== undefined) return;
    abortReason = reason;
    controller.abort(new Error(reason === 'cancelled' ? 'The response was cancelled.' : 'The run lease was lost.'));
  };
  const subscription: Subscription = await options.cancels.onCancel(options.responseId, () => abort('cancelled'));
  let lastRenewedAt = now();
  let renewing = false;
  const renew = async (): Promise<void> => {
    if (renewing || abortReason !== undefined) return;
    renewing = true;
    try {
      const held = await options.store.renewLease(options.responseId, options.workerId, options.leaseMs);
      if (held) lastRenewedAt = now();
      else abort('lease_lost');
    } catch {
      if (now() - lastRenewedAt >= options.leaseMs) abort('lease_lost');
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(() => void renew(), options.renewEveryMs ?? Math.max(1, Math.floor(options.leaseMs / 3)));
  timer.unref();
  let released = false;
  return {
    signal: controller.signal,
    get abortReason() {
      return abortReason;
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await subscription.unsubscribe();
    },
  };
}
