import type { ClientAbort } from './fake-server-types.js';

/** The aborts a fake server saw, and a way for a test to wait for the next one. */
export interface ClientAbortLog {
  /** Every client abort, in order. */
  readonly aborts: ClientAbort[];
  record(abort: ClientAbort): void;
  /** Resolves with the first abort no earlier call has claimed; rejects after `timeoutMs` (5 s). */
  waitForClientAbort(options?: { readonly timeoutMs?: number }): Promise<ClientAbort>;
}

export function createClientAbortLog(): ClientAbortLog {
  const aborts: ClientAbort[] = [];
  const waiters: Array<(abort: ClientAbort) => void> = [];
  let claimed = 0;
  return {
    aborts,
    record(abort) {
      aborts.push(abort);
      const waiter = waiters.shift();
      if (waiter !== undefined) {
        claimed += 1;
        waiter(abort);
      }
    },
    waitForClientAbort(options = {}) {
      if (claimed < aborts.length) {
        claimed += 1;
        return Promise.resolve(aborts[claimed - 1] as ClientAbort);
      }
      return new Promise<ClientAbort>((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? 5_000;
        const waiter = (abort: ClientAbort): void => {
          clearTimeout(timer);
          resolve(abort);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no client abort within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
  };
}
