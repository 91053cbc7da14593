import { describe, it } from 'vitest';
import { createServiceStorage, missingServicesMessage, serviceUrls, type ServiceStorage } from '../test-support/service-storage.js';
import { defineIdempotencyKeySuite } from './idempotency-key.suite.js';

defineIdempotencyKeySuite('PGlite, in-process hot state', async () => undefined);

const urls = serviceUrls('idempotency-key');
if (urls.databaseUrl !== undefined && urls.redisUrl !== undefined) {
  let services: ServiceStorage | undefined;
  defineIdempotencyKeySuite('PostgreSQL + Redis', async () => {
    services = await createServiceStorage({ databaseUrl: urls.databaseUrl!, redisUrl: urls.redisUrl! });
    return services.storage();
  });
  describe('cleanup', () => {
    it('drops the test schema', async () => {
      await services?.dispose();
    });
  });
} else if (urls.required) {
  describe('PostgreSQL + Redis', () => {
    it('are required', () => {
      throw new Error(missingServicesMessage());
    });
  });
}
