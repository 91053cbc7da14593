import { randomUUID } from 'node:crypto';
import type { ResponseStreamEvent } from '@switchyard/contract';
import { createPostgresClient, createRedisHotState, openStore } from '@switchyard/store';
import type { OpenedStorage } from '../state/open-storage.js';

/**
 * The real PostgreSQL + Redis setup for end-to-end suites: used when `DATABASE_URL` and
 * `REDIS_URL` are set; skipped with a printed notice otherwise, unless
 * `SWITCHYARD_REQUIRE_SERVICES=1` (CI), which makes a missing URL a failure.
 */
export interface ServiceUrls {
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly required: boolean;
  readonly available: boolean;
}

function setting(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function serviceUrls(suite: string): ServiceUrls {
  const databaseUrl = setting('DATABASE_URL');
  const redisUrl = setting('REDIS_URL');
  const required = process.env['SWITCHYARD_REQUIRE_SERVICES'] === '1';
  const available = databaseUrl !== undefined && redisUrl !== undefined;
  if (!available && !required) {
    console.warn(
      `[gateway] ${suite} on PostgreSQL + Redis SKIPPED: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) and REDIS_URL (e.g. redis://127.0.0.1:6379) to run it.`,
    );
  }
  return { databaseUrl, redisUrl, required, available };
}

export function missingServicesMessage(): string {
  return 'SWITCHYARD_REQUIRE_SERVICES=1 but DATABASE_URL or REDIS_URL is not set: the PostgreSQL + Redis suites cannot be skipped.';
}

export interface ServiceStorage {
  /** A fresh schema and key prefix; pass `storage` to `startTestGateway` (several gateways may share it). */
  readonly storage: () => Promise<OpenedStorage>;
  /** The schema name (child processes open it with `schema`). */
  readonly schema: string;
  readonly keyPrefix: string;
  dispose(): Promise<void>;
}

/** Opens storage on a fresh PostgreSQL schema and Redis key prefix, dropped by `dispose()`. */
export async function createServiceStorage(urls: { databaseUrl: string; redisUrl: string }): Promise<ServiceStorage> {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
  const schema = `gateway_test_${suffix}`;
  const keyPrefix = `switchyard-gateway-test-${suffix}:`;
  const admin = createPostgresClient({ connectionString: urls.databaseUrl, maxConnections: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const opened: OpenedStorage[] = [];
  return {
    schema,
    keyPrefix,
    async storage() {
      const store = await openStore({ databaseUrl: urls.databaseUrl, schema });
      const hotState = createRedisHotState<ResponseStreamEvent>({ url: urls.redisUrl, keyPrefix });
      const storage = { store, hotState };
      opened.push(storage);
      return storage;
    },
    async dispose() {
      for (const storage of opened) {
        await storage.hotState.close().catch(() => undefined);
        await storage.store.close().catch(() => undefined);
      }
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
