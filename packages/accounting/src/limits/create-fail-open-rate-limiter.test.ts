import { describe, expect, it } from 'vitest';
import { createFailOpenRateLimiter } from './create-fail-open-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

const broken: RateLimiter = {
  kind: 'redis',
  acquire: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  adjustTokens: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  close: async () => undefined,
};

describe('createFailOpenRateLimiter', () => {
  it('admits and reports the error when the counters are unreachable', async () => {
    const errors: unknown[] = [];
    const limiter = createFailOpenRateLimiter(broken, (error) => errors.push(error));
    expect(await limiter.acquire({ subject: 'k', policy: { rpm: 1, tpm: null }, tokens: 0 })).toMatchObject({ allowed: true });
    await limiter.adjustTokens('k', { rpm: null, tpm: 10 }, 5);
    expect(errors).toHaveLength(2);
  });
});

describe('createFailOpenRateLimiter over an unreachable Redis', () => {
  it('admits once the Redis client gives up on the command', async () => {
    const { createRedisRateLimiter } = await import('./create-redis-rate-limiter.js');
    const errors: unknown[] = [];
    const inner = createRedisRateLimiter({ url: 'redis://127.0.0.1:1', keyPrefix: 'unreachable:' });
    const limiter = createFailOpenRateLimiter(inner, (error) => errors.push(error));
    try {
      expect(await limiter.acquire({ subject: 'k', policy: { rpm: 1, tpm: null }, tokens: 0 })).toMatchObject({ allowed: true });
      expect(errors).toHaveLength(1);
    } finally {
      await limiter.close();
    }
  }, 20_000);
});
