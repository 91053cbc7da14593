import { Redis } from 'ioredis';
import { healthEffectOf, resolveHealthOptions, type HealthOptions, type HealthTracker } from './health-tracker.js';

export interface RedisHealthOptions extends HealthOptions {
  /** `redis://host:port/db`. Never logged. */
  readonly url: string;
  /** Prefix of every key, so several gateways (or test runs) share one Redis. Default `switchyard:`. */
  readonly keyPrefix?: string | undefined;
}

/**
 * KEYS[1] failure counter, KEYS[2] cooldown flag; ARGV: mode (count|cooldown), allowedFails,
 * windowMs, cooldownMs. Expiry uses Redis's own clock (PX), so instances with skewed clocks agree;
 * a shorter cooldown never shortens a longer one already set.
 */
const recordFailureScript = `
local cooldown = tonumber(ARGV[4])
local function cool()
  local left = redis.call('PTTL', KEYS[2])
  if left < cooldown then redis.call('SET', KEYS[2], '1', 'PX', cooldown) end
  redis.call('DEL', KEYS[1])
end
if ARGV[1] == 'cooldown' then cool() return 1 end
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3])) end
if failures >= tonumber(ARGV[2]) then cool() return 1 end
return 0`;

/** Health shared by every gateway instance through Redis (failure counters and cooldown flags with TTLs). */
export function createRedisHealthTracker(options: RedisHealthOptions): HealthTracker {
  const settings = resolveHealthOptions(options);
  const prefix = options.keyPrefix ?? 'switchyard:';
  const redis = new Redis(options.url, { maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined); // surfaced by the failing command instead of an unhandled event
  const failuresKey = (deployment: string): string => `${prefix}health:failures:${deployment}`;
  const cooldownKey = (deployment: string): string => `${prefix}health:cooldown:${deployment}`;
  const remaining = async (deployment: string): Promise<number> => Math.max(0, await redis.pttl(cooldownKey(deployment)));

  return {
    async recordFailure(deployment, failure) {
      const effect = healthEffectOf(failure, settings);
      if (effect.kind === 'ignore') return;
      await redis.eval(
        recordFailureScript,
        2,
        failuresKey(deployment),
        cooldownKey(deployment),
        effect.kind,
        String(settings.allowedFails),
        String(settings.windowMs),
        String(effect.cooldownMs),
      );
    },
    async recordSuccess() {
      // Successes do not erase failures, as in the in-process tracker.
    },
    async coolingDown(deployments) {
      if (deployments.length === 0) return new Set();
      const pipeline = redis.pipeline();
      for (const deployment of deployments) pipeline.pttl(cooldownKey(deployment));
      const results = (await pipeline.exec()) ?? [];
      const cooling = new Set<string>();
      results.forEach(([error, value], index) => {
        if (error === null && typeof value === 'number' && value > 0) cooling.add(deployments[index] as string);
      });
      return cooling;
    },
    cooldownRemainingMs: remaining,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
