import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { missingServiceMessage, serviceSetting } from '@switchyard/testing';
import { createInProcessHealthTracker } from './create-in-process-health-tracker.js';
import { createRedisHealthTracker } from './create-redis-health-tracker.js';
import { healthEffectOf, resolveHealthOptions } from './health-tracker.js';
import { defineHealthTrackerSuite, suiteHealthOptions } from './health-tracker.suite.js';

defineHealthTrackerSuite('in-process', async () => {
  let clock = 1_000_000;
  const shared = createInProcessHealthTracker({ ...suiteHealthOptions, now: () => clock });
  return {
    here: shared,
    there: shared,
    async wait(milliseconds) {
      clock += milliseconds;
    },
    close: () => shared.close(),
  };
});

const redis = serviceSetting('Redis', 'REDIS_URL', 'router');
const redisUrl = redis.url;

if (redisUrl !== undefined) {
  defineHealthTrackerSuite('Redis (REDIS_URL), two instances', async () => {
    const keyPrefix = `switchyard-test:${randomUUID()}:`;
    const here = createRedisHealthTracker({ ...suiteHealthOptions, url: redisUrl, keyPrefix });
    const there = createRedisHealthTracker({ ...suiteHealthOptions, url: redisUrl, keyPrefix });
    await here.coolingDown(['probe']); // fails the suite at once when Redis is unreachable
    return {
      here,
      there,
      wait: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
      async close() {
        await Promise.all([here.close(), there.close()]);
        const cleanup = new Redis(redisUrl);
        const keys = await cleanup.keys(`${keyPrefix}*`);
        if (keys.length > 0) await cleanup.del(...keys);
        await cleanup.quit();
      },
    };
  });

  describe('Redis health key prefixes', () => {
    it('keep two gateways on one Redis apart', async () => {
      const first = createRedisHealthTracker({ url: redisUrl, keyPrefix: `switchyard-test:${randomUUID()}:` });
      const second = createRedisHealthTracker({ url: redisUrl, keyPrefix: `switchyard-test:${randomUUID()}:` });
      try {
        await first.recordFailure('a', { errorClass: 'rate_limit', retryAfterMs: 1_000 });
        expect(await first.coolingDown(['a'])).toEqual(new Set(['a']));
        expect(await second.coolingDown(['a'])).toEqual(new Set());
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
} else if (redis.required) {
  describe('health tracker: Redis (REDIS_URL)', () => {
    it('has REDIS_URL', () => {
      throw new Error(missingServiceMessage(redis));
    });
  });
}

describe('healthEffectOf', () => {
  const options = resolveHealthOptions({ cooldownMs: 1_000, maxCooldownMs: 10_000 });
  it.each([
    ['a 429 without retry-after', { errorClass: 'rate_limit' as const }, { kind: 'cooldown', cooldownMs: 1_000 }],
    ['a 429 with a longer retry-after', { errorClass: 'rate_limit' as const, retryAfterMs: 5_000 }, { kind: 'cooldown', cooldownMs: 5_000 }],
    ['a 429 with a huge retry-after (capped)', { errorClass: 'rate_limit' as const, retryAfterMs: 999_999 }, { kind: 'cooldown', cooldownMs: 10_000 }],
    ['a 5xx', { errorClass: 'server_error' as const }, { kind: 'count', cooldownMs: 1_000 }],
    ['a client error', { errorClass: 'client_error' as const }, { kind: 'ignore' }],
  ])('%s', (_name, failure, expected) => {
    expect(healthEffectOf(failure, options)).toEqual(expected);
  });

  it('has sane defaults', () => {
    expect(resolveHealthOptions()).toEqual({ allowedFails: 3, windowMs: 60_000, cooldownMs: 30_000, maxCooldownMs: 600_000 });
  });
});
