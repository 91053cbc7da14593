import type { ResponseStreamEvent } from '@switchyard/contract';
import { createHotState, openStore, type HotState, type ResponseStore } from '@switchyard/store';
import type { StorageConfig } from '../config/gateway-config.js';

export interface OpenedStorage {
  readonly store: ResponseStore;
  readonly hotState: HotState<ResponseStreamEvent>;
}

/**
 * Opens the system of record (PostgreSQL from `storage.database_url` / `DATABASE_URL`, else PGlite in
 * `storage.data_dir` / `SWITCHYARD_DATA_DIR` / `./data`) and the hot state (Redis from
 * `storage.redis_url` / `REDIS_URL`, else in-process). Migrations run before it returns.
 */
export async function openStorage(
  config: StorageConfig,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<OpenedStorage> {
  const store = await openStore({
    ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
    env: environment,
  });
  try {
    const hotState = createHotState<ResponseStreamEvent>({
      ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl }),
      keyPrefix: config.redisKeyPrefix,
      env: environment,
    });
    return { store, hotState };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
