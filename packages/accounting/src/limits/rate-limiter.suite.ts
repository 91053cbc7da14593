import { describe, expect, it } from 'vitest';
import { RateLimitExceededError } from '../errors/rate-limit-exceeded-error.js';
import { uniqueId } from '../test-support/sql-harness.js';
import { enforceRateLimit } from './enforce-rate-limit.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import type { RateLimiter } from './rate-limiter.js';

export interface RateLimiterHarness {
  readonly name: string;
  /** The limiter every test uses. */
  limiter(): RateLimiter;
  /** A second limiter sharing the counters (another instance); the same one in-process. */
  secondLimiter(): RateLimiter;
}

export function defineRateLimiterSuite(harness: RateLimiterHarness): void {
  describe(`rate limiter (${harness.name})`, () => {
    it('admits up to rpm requests per window, then refuses with every header', async () => {
      const subject = uniqueId('key');
      const policy = { rpm: 3, tpm: null };
      const limiters = [harness.limiter(), harness.secondLimiter()];
      const decisions = await Promise.all(Array.from({ length: 5 }, (_, index) => (limiters[index % 2] as RateLimiter).acquire({ subject, policy, tokens: 0 })));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
      const refused = decisions.find((decision) => !decision.allowed);
      expect(refused).toMatchObject({ limitedBy: 'requests', requests: { limit: 3, remaining: 0 } });
      const headers = rateLimitHeaders(refused ?? decisions[0]!);
      expect(headers['x-ratelimit-limit-requests']).toBe('3');
      expect(headers['x-ratelimit-remaining-requests']).toBe('0');
      expect(headers['x-ratelimit-reset-requests']).toMatch(/^(\d+ms|\d+(\.\d+)?s)$/);
      expect(Number(headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(headers).not.toHaveProperty('x-ratelimit-limit-tokens');
    });

    it('counts tokens per window and lets real usage correct the estimate', async () => {
      const subject = uniqueId('key');
      const policy = { rpm: null, tpm: 1000 };
      const limiter = harness.limiter();
      expect((await limiter.acquire({ subject, policy, tokens: 600 })).tokens).toMatchObject({ limit: 1000, remaining: 400 });
      const refused = await limiter.acquire({ subject, policy, tokens: 600 });
      expect(refused).toMatchObject({ allowed: false, limitedBy: 'tokens', tokens: { remaining: 400 } });
      await harness.secondLimiter().adjustTokens(subject, policy, -500);
      expect((await limiter.acquire({ subject, policy, tokens: 600 })).tokens).toMatchObject({ remaining: 300 });
    });

    it('keeps subjects apart', async () => {
      const policy = { rpm: 1, tpm: null };
      const limiter = harness.limiter();
      expect((await limiter.acquire({ subject: uniqueId('key'), policy, tokens: 0 })).allowed).toBe(true);
      expect((await limiter.acquire({ subject: uniqueId('key'), policy, tokens: 0 })).allowed).toBe(true);
    });

    it('enforceRateLimit throws a 429 rate_limit_exceeded carrying the headers', async () => {
      const subject = uniqueId('key');
      const policy = { rpm: 1, tpm: 100 };
      const limiter = harness.limiter();
      const first = await enforceRateLimit(limiter, { subject, policy, tokens: 10 });
      expect(rateLimitHeaders(first)).toMatchObject({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '90' });
      const error = await enforceRateLimit(limiter, { subject, policy, tokens: 10 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitExceededError);
      expect(error).toMatchObject({ status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', isRetryable: true });
      const headers = (error as RateLimitExceededError).headers;
      for (const name of ['retry-after', 'retry-after-ms', 'x-ratelimit-limit-requests', 'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-requests',
        'x-ratelimit-remaining-tokens', 'x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']) {
        expect(headers, name).toHaveProperty(name);
      }
      expect((error as Error).message).toMatch(/requests per minute \(limit: 1\)/);
    });

    it('a request larger than the whole tpm is refused with x-should-retry false', async () => {
      const error = await enforceRateLimit(harness.limiter(), { subject: uniqueId('key'), policy: { rpm: null, tpm: 100 }, tokens: 500 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 429, isRetryable: false, headers: { 'x-should-retry': 'false' } });
    });

    it('an unlimited key is always admitted and gets no headers', async () => {
      const decision = await harness.limiter().acquire({ subject: uniqueId('key'), policy: { rpm: null, tpm: null }, tokens: 10 });
      expect(decision.allowed).toBe(true);
      expect(rateLimitHeaders(decision)).toEqual({});
    });
  });
}
