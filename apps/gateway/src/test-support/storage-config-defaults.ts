import { defaultLeaseMs, defaultWorkerConcurrency, type StorageConfig } from '../config/gateway-config.js';

export const storageConfigDefaults: StorageConfig = {
  databaseUrl: undefined,
  dataDir: undefined,
  redisUrl: undefined,
  workerConcurrency: defaultWorkerConcurrency,
  leaseMs: defaultLeaseMs,
};
