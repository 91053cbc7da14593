import type { RateLimiter } from './rate-limiter.js';

/**
 * The documented policy when the limiter's store (Redis) is down: admit the request (fail open) and
 * report the error, so an outage of the counters never turns into an outage of the gateway. Keys,
 * budgets and the ledger live in PostgreSQL and still fail closed.
 */
export function createFailOpenRateLimiter(inner: RateLimiter, onError: (error: unknown) => void): RateLimiter {
  return {
    kind: inner.kind,
    async acquire(request) {
      try {
        return await inner.acquire(request);
      } catch (error) {
        onError(error);
        return { allowed: true, limitedBy: undefined, requests: undefined, tokens: undefined, retryAfterMs: 0 };
      }
    },
    async adjustTokens(subject, policy, delta) {
      try {
        await inner.adjustTokens(subject, policy, delta);
      } catch (error) {
        onError(error);
      }
    },
    close: () => inner.close(),
  };
}
