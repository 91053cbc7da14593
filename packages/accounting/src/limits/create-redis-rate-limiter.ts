import { Redis } from 'ioredis';
import { decide, rateLimitWindowMs, type RateLimiter } from './rate-limiter.js';

export interface RedisRateLimiterOptions {
  readonly url: string;
  /** Prefix of every key; `switchyard:` when omitted. */
  readonly keyPrefix?: string;
}

/**
 * One atomic script per request: read both counters of the current window (Redis server clock, so
 * instances need no clock agreement), refuse when either would go over, otherwise increment both.
 * Returns {allowed, requests, tokens, resetMs}.
 */
const acquireScript = `
local time = redis.call('TIME')
local nowMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local windowStart = nowMs - (nowMs % windowMs)
local requestsKey = KEYS[1] .. ':' .. windowStart .. ':requests'
local tokensKey = KEYS[1] .. ':' .. windowStart .. ':tokens'
local rpm = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
local tokens = tonumber(ARGV[4])
local usedRequests = tonumber(redis.call('GET', requestsKey) or '0')
local usedTokens = tonumber(redis.call('GET', tokensKey) or '0')
local resetMs = windowStart + windowMs - nowMs
if (rpm >= 0 and usedRequests + 1 > rpm) or (tpm >= 0 and tokens > 0 and usedTokens + tokens > tpm) then
  return {0, usedRequests, usedTokens, resetMs}
end
redis.call('INCRBY', requestsKey, 1)
redis.call('PEXPIRE', requestsKey, windowMs * 2)
if tokens > 0 then
  redis.call('INCRBY', tokensKey, tokens)
  redis.call('PEXPIRE', tokensKey, windowMs * 2)
end
return {1, usedRequests, usedTokens, resetMs}
`;

/** Adds a (possibly negative) delta to the current window's token counter, never below 0. */
const adjustScript = `
local time = redis.call('TIME')
local nowMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local windowStart = nowMs - (nowMs % windowMs)
local tokensKey = KEYS[1] .. ':' .. windowStart .. ':tokens'
local value = tonumber(redis.call('GET', tokensKey) or '0') + tonumber(ARGV[2])
if value < 0 then value = 0 end
redis.call('SET', tokensKey, value, 'PX', windowMs * 2)
return value
`;

type RedisWithScripts = Redis & {
  rateLimitAcquire(key: string, windowMs: number, rpm: number, tpm: number, tokens: number): Promise<[number, number, number, number]>;
  rateLimitAdjust(key: string, windowMs: number, delta: number): Promise<number>;
};

/** Counters shared by every instance through Redis (one atomic Lua script per call). */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const prefix = options.keyPrefix ?? 'switchyard:';
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2, lazyConnect: false }) as RedisWithScripts;
  redis.on('error', () => undefined);
  redis.defineCommand('rateLimitAcquire', { numberOfKeys: 1, lua: acquireScript });
  redis.defineCommand('rateLimitAdjust', { numberOfKeys: 1, lua: adjustScript });
  const keyFor = (subject: string): string => `${prefix}ratelimit:{${subject}}`;
  return {
    kind: 'redis',
    async acquire(request) {
      const tokens = Math.max(Math.round(request.tokens), 0);
      if (request.policy.rpm === null && request.policy.tpm === null) return decide(request.policy, { requests: 0, tokens: 0 }, 0, 0);
      const [, usedRequests, usedTokens, resetMs] = await redis.rateLimitAcquire(
        keyFor(request.subject), rateLimitWindowMs, request.policy.rpm ?? -1, request.policy.tpm ?? -1, tokens,
      );
      return decide(request.policy, { requests: Number(usedRequests), tokens: Number(usedTokens) }, tokens, Number(resetMs));
    },
    async adjustTokens(subject, policy, delta) {
      if (policy.tpm === null || delta === 0) return;
      await redis.rateLimitAdjust(keyFor(subject), rateLimitWindowMs, Math.round(delta));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
