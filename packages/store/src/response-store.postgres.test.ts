import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPostgresHarness } from './test-support/create-postgres-harness.js';
import { defineAllStoreSuites } from './test-support/define-all-store-suites.js';
import { missingServiceMessage, serviceSetting } from '@switchyard/testing';

const postgres = serviceSetting('PostgreSQL', 'DATABASE_URL', 'store');

describe.skipIf(postgres.url === undefined && !postgres.required)('store on PostgreSQL (DATABASE_URL)', () => {
  if (postgres.url === undefined) {
    it('has DATABASE_URL', () => {
      throw new Error(missingServiceMessage(postgres));
    });
    return;
  }
  const harness = createPostgresHarness(postgres.url);
  beforeAll(() => harness.open(), 30_000);
  afterAll(() => harness.close());
  defineAllStoreSuites(harness);
});
