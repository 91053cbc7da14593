import { defineMigrationsSuite } from '../migrations/run-migrations.suite.js';
import { defineListInputItemsSuite } from '../responses/list-input-items.suite.js';
import { defineLoadConversationChainSuite } from '../responses/load-conversation-chain.suite.js';
import { defineResponseEventsSuite } from '../responses/response-events.suite.js';
import { defineResponseLifecycleSuite } from '../responses/response-lifecycle.suite.js';
import { defineResponseRecordsSuite } from '../responses/response-records.suite.js';
import { definePurgeUnstoredSuite } from '../responses/purge-unstored.suite.js';
import { defineFailAbandonedResponsesSuite } from '../responses/fail-abandoned-responses.suite.js';
import { defineRunQueueSuite } from '../responses/run-queue.suite.js';
import { defineFollowResponseEventsSuite } from '../streaming/follow-response-events.suite.js';
import { defineHoldRunSuite } from '../worker/hold-run.suite.js';
import { defineItemsAndIdempotencySuite } from '../responses/items-and-idempotency.suite.js';
import { defineCompleteResponseSuite } from '../responses/complete-response.suite.js';
import { defineAppendEventsBatchSuite } from '../responses/append-events-batch.suite.js';
import type { StoreHarness } from './store-harness.js';

/** The one repository suite every backend runs. */
export function defineAllStoreSuites(harness: StoreHarness): void {
  defineMigrationsSuite(harness);
  defineResponseRecordsSuite(harness);
  defineListInputItemsSuite(harness);
  defineLoadConversationChainSuite(harness);
  defineResponseLifecycleSuite(harness);
  defineResponseEventsSuite(harness);
  defineRunQueueSuite(harness);
  definePurgeUnstoredSuite(harness);
  defineFailAbandonedResponsesSuite(harness);
  defineFollowResponseEventsSuite(harness);
  defineHoldRunSuite(harness);
  defineItemsAndIdempotencySuite(harness);
  defineCompleteResponseSuite(harness);
  defineAppendEventsBatchSuite(harness);
}
