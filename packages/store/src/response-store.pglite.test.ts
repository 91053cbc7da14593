import { afterAll, beforeAll } from 'vitest';
import { defineResponseRecordsSuite } from './responses/response-records.suite.js';
import { createPgliteHarness } from './test-support/create-pglite-harness.js';

const harness = createPgliteHarness();
beforeAll(() => harness.open(), 60_000);
afterAll(() => harness.close());

defineResponseRecordsSuite(harness);
