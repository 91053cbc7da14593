import { decide, rateLimitWindowMs, type RateLimiter } from './rate-limiter.js';

interface WindowCounters {
  windowStart: number;
  requests: number;
  tokens: number;
}

export interface InProcessRateLimiterOptions {
  /** Clock in milliseconds; `Date.now` when omitted (tests pass their own). */
  readonly now?: () => number;
}

/** Counters in this process only: correct for one instance; several instances need the Redis limiter. */
export function createInProcessRateLimiter(options: InProcessRateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const counters = new Map<string, WindowCounters>();
  const current = (subject: string): WindowCounters => {
    const windowStart = Math.floor(now() / rateLimitWindowMs) * rateLimitWindowMs;
    const existing = counters.get(subject);
    if (existing !== undefined && existing.windowStart === windowStart) return existing;
    if (counters.size > 100_000) {
      for (const [key, value] of counters) if (value.windowStart < windowStart) counters.delete(key);
    }
    const fresh = { windowStart, requests: 0, tokens: 0 };
    counters.set(subject, fresh);
    return fresh;
  };
  return {
    kind: 'in-process',
    async acquire(request) {
      if (request.policy.rpm === null && request.policy.tpm === null) return decide(request.policy, { requests: 0, tokens: 0 }, 0, 0);
      const window = current(request.subject);
      const resetMs = window.windowStart + rateLimitWindowMs - now();
      const decision = decide(request.policy, window, Math.max(request.tokens, 0), resetMs);
      if (decision.allowed) {
        window.requests += 1;
        window.tokens += Math.max(request.tokens, 0);
      }
      return decision;
    },
    async adjustTokens(subject, policy, delta) {
      if (policy.tpm === null) return;
      const window = current(subject);
      window.tokens = Math.max(window.tokens + delta, 0);
    },
    async close() {
      counters.clear();
    },
  };
}
