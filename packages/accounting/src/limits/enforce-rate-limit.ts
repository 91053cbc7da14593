import { RateLimitExceededError } from '../errors/rate-limit-exceeded-error.js';
import { formatResetDuration, rateLimitHeaders } from './rate-limit-headers.js';
import type { RateLimitDecision, RateLimiter, RateLimitRequest } from './rate-limiter.js';

/**
 * Acquires a slot or throws `RateLimitExceededError` (429 `rate_limit_exceeded` with every header).
 * On success the decision's `rateLimitHeaders` belong on the response too.
 */
export async function enforceRateLimit(limiter: RateLimiter, request: RateLimitRequest): Promise<RateLimitDecision> {
  const decision = await limiter.acquire(request);
  if (decision.allowed) return decision;
  const headers = rateLimitHeaders(decision);
  const wait = formatResetDuration(decision.retryAfterMs);
  if (decision.limitedBy === 'tokens') {
    const limit = request.policy.tpm ?? 0;
    if (request.tokens > limit) {
      // Retrying can never help: the request alone is larger than the per-minute token limit.
      throw new RateLimitExceededError(
        `This request needs about ${request.tokens} tokens, more than the key's limit of ${limit} tokens per minute. Lower max_output_tokens or the input size.`,
        { ...headers, 'x-should-retry': 'false' },
        false,
      );
    }
    throw new RateLimitExceededError(`Rate limit reached for tokens per minute (limit: ${limit}). Please try again in ${wait}.`, headers);
  }
  throw new RateLimitExceededError(`Rate limit reached for requests per minute (limit: ${request.policy.rpm ?? 0}). Please try again in ${wait}.`, headers);
}
