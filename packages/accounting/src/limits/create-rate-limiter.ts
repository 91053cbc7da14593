import { createInProcessRateLimiter } from './create-in-process-rate-limiter.js';
import { createRedisRateLimiter } from './create-redis-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

export interface CreateRateLimiterOptions {
  readonly redisUrl?: string;
  readonly keyPrefix?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Redis when `redisUrl` or `REDIS_URL` is set (shared by all instances), in-process otherwise. */
export function createRateLimiter(options: CreateRateLimiterOptions = {}): RateLimiter {
  const env = options.env ?? process.env;
  const url = options.redisUrl ?? env['REDIS_URL'];
  if (url === undefined || url.trim() === '') return createInProcessRateLimiter();
  return createRedisRateLimiter({ url, ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }) });
}
