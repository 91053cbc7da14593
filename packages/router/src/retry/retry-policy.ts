import type { RandomSource } from '../balancing/weighted-shuffle.js';

export interface RetryPolicy {
  /** Rounds over the candidates after the first one (0 = each candidate at most once). */
  readonly maxRetries: number;
  /** Hard cap on attempts across all candidates and rounds. */
  readonly maxAttempts: number;
  /** First backoff ceiling; doubles every round. */
  readonly baseDelayMs: number;
  /** Ceiling of one backoff. */
  readonly maxDelayMs: number;
  /** No new attempt starts once this much time has passed since the first one, nor a wait that would cross it. */
  readonly maxTotalMs: number;
  /** A `retry-after` longer than this is not waited for: the error is returned instead. */
  readonly maxRetryAfterMs: number;
  /**
   * Longest one attempt may take to produce its first output (streams: the first output event; JSON:
   * the whole answer). Past it the attempt is aborted and counts as a timeout (next candidate, cooldown).
   */
  readonly attemptTimeoutMs: number;
}

/**
 * Defaults for an interactive gateway whose clients retry too (the `openai` SDK retries twice,
 * honouring a retry-after of up to 60 s): two more rounds over the candidates with short backoffs
 * (at most 2 s each), no retrying once 15 s have passed, and an upstream retry-after above 10 s is
 * not slept on: the 429 goes back to the client at once, with its retry-after. `routing.retry`
 * in the configuration overrides any field.
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  maxTotalMs: 15_000,
  maxRetryAfterMs: 10_000,
  // As long as the `openai` SDK's own timeout: a long JSON answer is not cut; set it lower to fail over sooner.
  attemptTimeoutMs: 600_000,
};

/**
 * Backoff before retry round `round` (1 = first retry): full jitter, a uniform draw in
 * [0, min(maxDelayMs, baseDelayMs · 2^(round-1))], but never shorter than the upstream's
 * `retry-after`. Returns `undefined` when the retry-after is longer than the policy accepts.
 */
export function backoffDelay(round: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: RandomSource = Math.random): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, round - 1));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
