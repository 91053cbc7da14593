import { resolveStoreBackend } from '@switchyard/store';
import type { StorageConfig } from '../config/gateway-config.js';

/** One line for the start-up banner; never prints a URL (it may carry a password). */
export function describeStorage(config: StorageConfig, environment: Readonly<Record<string, string | undefined>>): string {
  const backend = resolveStoreBackend({
    ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
    env: environment,
  });
  const redis = config.redisUrl ?? environment['REDIS_URL'];
  const hot = redis === undefined || redis.trim() === '' ? 'in-process hot state' : 'Redis hot state';
  return `${backend.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${backend.dataDir}`}, ${hot}`;
}
