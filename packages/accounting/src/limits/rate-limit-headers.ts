import type { RateLimitDecision } from './rate-limiter.js';

/**
 * A duration as OpenAI writes it in `x-ratelimit-reset-*` (Go's `time.Duration` style):
 * `12ms`, `1s`, `1.5s`, `6m0s`, `1h2m3s`.
 */
export function formatResetDuration(milliseconds: number): string {
  const total = Math.max(Math.ceil(milliseconds), 0);
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const secondsValue = (total % 60_000) / 1000;
  const seconds = `${Number(secondsValue.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

/**
 * The `x-ratelimit-*` headers of a decision (only for the dimensions the key is limited on), plus
 * `retry-after` (whole seconds, rounded up) and `retry-after-ms` when the request was refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {};
  if (decision.requests !== undefined) {
    headers['x-ratelimit-limit-requests'] = String(decision.requests.limit);
    headers['x-ratelimit-remaining-requests'] = String(decision.requests.remaining);
    headers['x-ratelimit-reset-requests'] = formatResetDuration(decision.requests.resetMs);
  }
  if (decision.tokens !== undefined) {
    headers['x-ratelimit-limit-tokens'] = String(decision.tokens.limit);
    headers['x-ratelimit-remaining-tokens'] = String(decision.tokens.remaining);
    headers['x-ratelimit-reset-tokens'] = formatResetDuration(decision.tokens.resetMs);
  }
  if (!decision.allowed) {
    headers['retry-after'] = String(Math.max(Math.ceil(decision.retryAfterMs / 1000), 1));
    headers['retry-after-ms'] = String(Math.max(Math.ceil(decision.retryAfterMs), 1));
  }
  return headers;
}
