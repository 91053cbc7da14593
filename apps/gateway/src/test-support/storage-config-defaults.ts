import { defaultLeaseMs, defaultRedisKeyPrefix, defaultWorkerConcurrency, type StorageConfig } from '../config/gateway-config.js';

export const storageConfigDefaults: StorageConfig = {
  databaseUrl: undefined,
  dataDir: undefined,
  redisUrl: undefined,
  redisKeyPrefix: defaultRedisKeyPrefix,
  workerConcurrency: defaultWorkerConcurrency,
  leaseMs: defaultLeaseMs,
};
