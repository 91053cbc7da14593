import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { uniqueId } from '../test-support/sql-harness.js';
import { missingServiceMessage, serviceSetting } from '@switchyard/testing';
import { createInProcessRateLimiter } from './create-in-process-rate-limiter.js';
import { createRateLimiter } from './create-rate-limiter.js';
import { createRedisRateLimiter } from './create-redis-rate-limiter.js';
import { defineRateLimiterSuite } from './rate-limiter.suite.js';
import type { RateLimiter } from './rate-limiter.js';

const inProcess = createInProcessRateLimiter();
defineRateLimiterSuite({ name: 'in-process', limiter: () => inProcess, secondLimiter: () => inProcess });

describe('in-process windows', () => {
  it('start afresh in the next minute', async () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 59, 500);
    const limiter = createInProcessRateLimiter({ now: () => now });
    const policy = { rpm: 1, tpm: null };
    expect((await limiter.acquire({ subject: 'k', policy, tokens: 0 })).allowed).toBe(true);
    const refused = await limiter.acquire({ subject: 'k', policy, tokens: 0 });
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 500, requests: { resetMs: 500 } });
    now += 500;
    expect((await limiter.acquire({ subject: 'k', policy, tokens: 0 })).allowed).toBe(true);
  });

  it('createRateLimiter picks in-process without REDIS_URL', async () => {
    const limiter = createRateLimiter({ env: {} });
    expect(limiter.kind).toBe('in-process');
    await limiter.close();
  });
});

const redis = serviceSetting('Redis', 'REDIS_URL', 'accounting');

describe.skipIf(redis.url === undefined && !redis.required)('rate limiter on Redis (REDIS_URL)', () => {
  if (redis.url === undefined) {
    it('has REDIS_URL', () => {
      throw new Error(missingServiceMessage(redis));
    });
    return;
  }
  const url = redis.url;
  const keyPrefix = `${uniqueId('switchyard_test')}:`;
  let first: RateLimiter | undefined;
  let second: RateLimiter | undefined;
  beforeAll(() => {
    first = createRedisRateLimiter({ url, keyPrefix });
    second = createRateLimiter({ redisUrl: url, keyPrefix });
  });
  afterAll(async () => {
    await Promise.allSettled([first?.close(), second?.close()]);
    const cleaner = new Redis(url);
    const keys = await cleaner.keys(`${keyPrefix}*`);
    if (keys.length > 0) await cleaner.del(...keys);
    await cleaner.quit();
  });
  const opened = (limiter: RateLimiter | undefined): RateLimiter => {
    if (limiter === undefined) throw new Error('not open');
    return limiter;
  };
  it('is the Redis implementation', () => {
    expect(opened(second).kind).toBe('redis');
  });
  defineRateLimiterSuite({ name: 'redis, two instances', limiter: () => opened(first), secondLimiter: () => opened(second) });

  it('holds the limit exactly under 100 concurrent acquisitions from two instances', async () => {
    const subject = uniqueId('key');
    const policy = { rpm: 37, tpm: null };
    const decisions = await Promise.all(Array.from({ length: 100 }, (_, index) =>
      (index % 2 === 0 ? opened(first) : opened(second)).acquire({ subject, policy, tokens: 0 })));
    // Can straddle a window boundary: then at most two windows' worth.
    const admitted = decisions.filter((decision) => decision.allowed).length;
    expect([37, 74]).toContain(admitted);
  });
});
