/**
 * The Redis suites run when REDIS_URL is set. Without it they are skipped with a printed notice,
 * unless `SWITCHYARD_REQUIRE_SERVICES=1` (CI), which turns a missing URL into a failure (same rule as
 * `@switchyard/store`).
 */
export interface RedisSetting {
  readonly url: string | undefined;
  readonly required: boolean;
}

export function redisSetting(): RedisSetting {
  const raw = process.env['REDIS_URL'];
  const url = raw === undefined || raw.trim() === '' ? undefined : raw;
  const required = process.env['SWITCHYARD_REQUIRE_SERVICES'] === '1';
  if (url === undefined && !required) {
    console.warn('[router] Redis health suite SKIPPED: REDIS_URL is not set (set it, e.g. redis://127.0.0.1:6379, to run it).');
  }
  return { url, required };
}

export const missingRedisMessage = 'SWITCHYARD_REQUIRE_SERVICES=1 but REDIS_URL is not set: the Redis health suite cannot be skipped.';
