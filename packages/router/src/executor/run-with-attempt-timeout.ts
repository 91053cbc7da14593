import { GatewayError } from '@switchyard/core';
import type { Deployment } from '../registry/deployment.js';

/** The failure of an attempt that produced no output in time: a 504 `timeout_error`, retryable. */
export function attemptTimeoutError(deployment: Deployment, timeoutMs: number): GatewayError {
  return new GatewayError({
    status: 504,
    type: 'timeout_error',
    code: 'upstream_timeout',
    message: `${deployment.provider}: no output within ${timeoutMs} ms.`,
    isRetryable: true,
  });
}

function closeIfStream(value: unknown): void {
  if (typeof value !== 'object' || value === null || !(Symbol.asyncIterator in value)) return;
  void (value as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.()?.catch(() => undefined);
}

export interface AttemptTimeoutOptions {
  readonly timeoutMs: number;
  /** The caller's signal: the attempt's signal aborts with it too. */
  readonly signal: AbortSignal | undefined;
  readonly timeoutError: () => Error;
}

/**
 * Runs one attempt with its own abort signal, aborted (and the attempt rejected with
 * `timeoutError()`) when it has not settled after `timeoutMs`, even if `run` ignores its signal.
 * After it settles in time the signal only follows the caller's: a stream that started in time
 * may run as long as it needs. A value that arrives after the timeout is closed when it is a stream.
 */
export async function runWithAttemptTimeout<T>(run: (signal: AbortSignal) => Promise<T>, options: AttemptTimeoutOptions): Promise<T> {
  const timer = new AbortController();
  const signal = options.signal === undefined ? timer.signal : AbortSignal.any([options.signal, timer.signal]);
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timeout = setTimeout(() => {
      const error = options.timeoutError();
      timer.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  const running = run(signal);
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    if (timer.signal.aborted) {
      running.then(closeIfStream, () => undefined);
      throw timer.signal.reason;
    }
    throw error;
  } finally {
    clearTimeout(timeout);
    expired.catch(() => undefined);
  }
}
