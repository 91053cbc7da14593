import { describe, it } from 'vitest';
import type { OpenedStorage } from '../state/open-storage.js';
import { createServiceStorage, missingServicesMessage, serviceUrls, type ServiceStorage } from './service-storage.js';

/** Opens the storage a suite's gateways share (`undefined`: the embedded PGlite default). */
export type SuiteStorage = () => Promise<OpenedStorage | undefined>;

/**
 * Defines a suite twice: on the embedded default (PGlite, in-process hot state) and on the real
 * PostgreSQL + Redis (a fresh schema and key prefix, dropped at the end) when `DATABASE_URL` and
 * `REDIS_URL` are set. Without them the second run is skipped with a notice, or fails when
 * `SWITCHYARD_REQUIRE_SERVICES=1` (CI).
 */
export function defineOnBothStorages(scope: string, defineSuite: (name: string, openStorage: SuiteStorage) => void): void {
  defineSuite('PGlite, in-process hot state', async () => undefined);
  const { databaseUrl, redisUrl, required } = serviceUrls(scope);
  if (databaseUrl !== undefined && redisUrl !== undefined) {
    let services: ServiceStorage | undefined;
    defineSuite('PostgreSQL + Redis', async () => {
      services = await createServiceStorage({ databaseUrl, redisUrl });
      return services.storage();
    });
    describe('cleanup', () => {
      it('drops the test schema', async () => {
        await services?.dispose();
      });
    });
  } else if (required) {
    describe('PostgreSQL + Redis', () => {
      it('are required', () => {
        throw new Error(missingServicesMessage());
      });
    });
  }
}
