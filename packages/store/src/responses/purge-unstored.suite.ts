import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { newResponse, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

export function definePurgeUnstoredSuite(harness: StoreHarness): void {
  describe('purgeUnstored', () => {
    it('deletes only finished store:false responses older than the cutoff', async () => {
      const tenantId = uniqueId('tenant');
      const finishedUnstored = newResponse({ tenantId, store: false });
      const runningUnstored = newResponse({ tenantId, store: false });
      const finishedStored = newResponse({ tenantId, store: true });
      for (const record of [finishedUnstored, runningUnstored, finishedStored]) await harness.store().createResponse(record);
      for (const record of [finishedUnstored, finishedStored]) await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [] });
      expect(await harness.store().purgeUnstored(60_000)).toBe(0);
      await sleep(50);
      expect(await harness.store().purgeUnstored(1)).toBeGreaterThanOrEqual(1);
      expect(await harness.store().getResponse(tenantId, finishedUnstored.id)).toBeUndefined();
      expect(await harness.store().getResponse(tenantId, runningUnstored.id)).toBeDefined();
      expect(await harness.store().getResponse(tenantId, finishedStored.id)).toBeDefined();
      await expect(harness.store().purgeUnstored(-1)).rejects.toThrow(RangeError);
    });
  });
}
