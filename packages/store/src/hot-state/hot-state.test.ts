import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { missingServiceMessage, serviceSetting } from '@switchyard/testing';
import { createHotState } from './create-hot-state.js';
import { createInProcessHotState } from './create-in-process-hot-state.js';
import { createRedisHotState } from './create-redis-hot-state.js';
import { defineHotStateSuite, type TestEvent } from './hot-state.suite.js';

defineHotStateSuite('in-process', async () => {
  const shared = createInProcessHotState<TestEvent>();
  return { here: shared, there: shared, close: () => shared.close() };
});

const redis = serviceSetting('Redis', 'REDIS_URL', 'store');
const redisUrl = redis.url;

if (redisUrl !== undefined) {
  defineHotStateSuite('Redis (REDIS_URL)', async () => {
    const keyPrefix = `switchyard-test:${randomUUID()}:`;
    const here = createRedisHotState<TestEvent>({ url: redisUrl, keyPrefix });
    const there = createRedisHotState<TestEvent>({ url: redisUrl, keyPrefix });
    await here.liveness.listAlive(); // Fails the suite at once when Redis is unreachable.
    return {
      here,
      there,
      async close() {
        await Promise.all([here.close(), there.close()]);
        const cleanup = new Redis(redisUrl);
        const keys = await cleanup.keys(`${keyPrefix}*`);
        if (keys.length > 0) await cleanup.del(...keys);
        await cleanup.quit();
      },
    };
  });

  describe('Redis key prefixes', () => {
    it('keep two deployments on one Redis apart', async () => {
      const first = createRedisHotState({ url: redisUrl, keyPrefix: `switchyard-test:${randomUUID()}:` });
      const second = createRedisHotState({ url: redisUrl, keyPrefix: `switchyard-test:${randomUUID()}:` });
      try {
        await first.liveness.heartbeat('worker-1', 60_000);
        expect(await second.liveness.isAlive('worker-1')).toBe(false);
        await first.liveness.remove('worker-1');
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
} else if (redis.required) {
  describe('hot state: Redis (REDIS_URL)', () => {
    it('has REDIS_URL', () => {
      throw new Error(missingServiceMessage(redis));
    });
  });
}

describe('createHotState', () => {
  it('is in-process without a Redis URL and Redis with one', async () => {
    const local = createHotState({ env: {} });
    expect(local.kind).toBe('in-process');
    await local.close();
    const remote = createHotState({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(remote.kind).toBe('redis');
    await remote.close();
  });
});
