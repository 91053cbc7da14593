import { afterAll, beforeAll, describe, it } from 'vitest';
import { defineAdminHandlersSuite } from './admin/admin-handlers.suite.js';
import { defineRequestAccountingSuite } from './request/request-accounting.suite.js';
import { defineBudgetStoreSuite } from './budgets/budget-store.suite.js';
import { defineKeysSuite } from './keys/keys.suite.js';
import { defineUsageLedgerSuite } from './ledger/usage-ledger.suite.js';
import { missingServiceMessage, serviceSetting } from '@switchyard/testing';
import { createPostgresHarness } from './test-support/sql-harness.js';

const postgres = serviceSetting('PostgreSQL', 'DATABASE_URL', 'accounting');

describe.skipIf(postgres.url === undefined && !postgres.required)('accounting on PostgreSQL (DATABASE_URL)', () => {
  if (postgres.url === undefined) {
    it('has DATABASE_URL', () => {
      throw new Error(missingServiceMessage(postgres));
    });
    return;
  }
  const harness = createPostgresHarness(postgres.url);
  beforeAll(() => harness.open(), 30_000);
  afterAll(() => harness.close());
  defineKeysSuite(harness);
  defineBudgetStoreSuite(harness);
  defineUsageLedgerSuite(harness);
  defineAdminHandlersSuite(harness);
  defineRequestAccountingSuite(harness);
});
