import { describe, it } from 'vitest';
import { createServiceStorage, missingServicesMessage, serviceUrls, type ServiceStorage } from '../test-support/service-storage.js';
import { defineBackgroundStateSuite } from './background-state.suite.js';

defineBackgroundStateSuite('PGlite, in-process hot state', async () => undefined);

const urls = serviceUrls('background-state');
if (urls.databaseUrl !== undefined && urls.redisUrl !== undefined) {
  let services: ServiceStorage | undefined;
  defineBackgroundStateSuite('PostgreSQL + Redis', async () => {
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
