import { afterAll, beforeAll, describe } from 'vitest';
import { createPgliteHarness } from './test-support/create-pglite-harness.js';
import { defineAllStoreSuites } from './test-support/define-all-store-suites.js';

const harness = createPgliteHarness();

describe('store on PGlite (embedded)', () => {
  beforeAll(() => harness.open(), 60_000);
  afterAll(() => harness.close());
  defineAllStoreSuites(harness);
});
