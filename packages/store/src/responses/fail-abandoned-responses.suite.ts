import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { newResponse, responseSnapshot, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

export function defineFailAbandonedResponsesSuite(harness: StoreHarness): void {
  describe('failAbandonedResponses', () => {
    it('fails only foreground responses left in_progress longer than the cutoff', async () => {
      const tenantId = uniqueId('tenant');
      const abandonedId = uniqueId('resp');
      const abandoned = newResponse({ id: abandonedId, tenantId, snapshot: responseSnapshot(abandonedId, 'in_progress') });
      const finished = newResponse({ tenantId });
      const background = newResponse({ tenantId, background: true });
      for (const record of [abandoned, finished, background]) await harness.store().createResponse(record);
      await harness.store().completeResponse(finished.id, { status: 'completed', outputItems: [] });
      expect(await harness.store().failAbandonedResponses(60_000)).toBe(0);
      await sleep(50);
      expect(await harness.store().failAbandonedResponses(1)).toBeGreaterThanOrEqual(1);
      const failed = await harness.store().getResponse(tenantId, abandoned.id);
      expect(failed).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
      expect(failed?.snapshot).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
      expect((await harness.store().getResponse(tenantId, finished.id))?.status).toBe('completed');
      expect((await harness.store().getResponse(tenantId, background.id))?.status).toBe('queued');
      await expect(harness.store().failAbandonedResponses(-1)).rejects.toThrow(RangeError);
    });
  });
}
