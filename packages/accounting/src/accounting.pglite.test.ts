import { afterAll, beforeAll, describe } from 'vitest';
import { defineAdminHandlersSuite } from './admin/admin-handlers.suite.js';
import { defineRequestAccountingSuite } from './request/request-accounting.suite.js';
import { defineBudgetStoreSuite } from './budgets/budget-store.suite.js';
import { defineKeysSuite } from './keys/keys.suite.js';
import { defineUsageLedgerSuite } from './ledger/usage-ledger.suite.js';
import { createPgliteHarness } from './test-support/sql-harness.js';

const harness = createPgliteHarness();

describe('accounting on PGlite (embedded)', () => {
  beforeAll(() => harness.open(), 60_000);
  afterAll(() => harness.close());
  defineKeysSuite(harness);
  defineBudgetStoreSuite(harness);
  defineUsageLedgerSuite(harness);
  defineAdminHandlersSuite(harness);
  defineRequestAccountingSuite(harness);
});
