import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInProcessCancelSignals } from '../hot-state/create-in-process-hot-state.js';
import type { ResponseStore } from '../response-store.js';
import { newResponse, uniqueId } from '../test-support/fixtures.js';
import { truncateAll, type StoreHarness } from '../test-support/store-harness.js';
import { holdRun } from './hold-run.js';

async function claimOne(store: ResponseStore, workerId: string, leaseMs: number): Promise<{ tenantId: string; id: string }> {
  const tenantId = uniqueId('tenant');
  const record = newResponse({ tenantId, background: true });
  await store.createResponse(record);
  const claimed = await store.claimNextRun(workerId, leaseMs);
  if (claimed?.id !== record.id) throw new Error('expected to claim the run just queued');
  return { tenantId, id: record.id };
}

export function defineHoldRunSuite(harness: StoreHarness): void {
  describe('holdRun', () => {
    beforeEach(() => truncateAll(harness.store()));

    it('aborts at once on a cancel signal, and the run stays cancelled', async () => {
      const cancels = createInProcessCancelSignals();
      const { tenantId, id } = await claimOne(harness.store(), 'worker-a', 60_000);
      const hold = await holdRun({ store: harness.store(), cancels, responseId: id, workerId: 'worker-a', leaseMs: 60_000 });
      const aborted = once(hold.signal, 'abort');
      await harness.secondStore().requestCancel(tenantId, id);
      await cancels.publishCancel(id);
      await aborted;
      expect(hold.abortReason).toBe('cancelled');
      const late = await harness.store().completeResponse(id, { status: 'completed', outputItems: [], workerId: 'worker-a' });
      expect(late.response?.status).toBe('cancelled');
      await hold.release();
    });

    it('aborts at the next renewal when the cancel signal was lost', async () => {
      const cancels = createInProcessCancelSignals();
      const { tenantId, id } = await claimOne(harness.store(), 'worker-a', 60_000);
      const hold = await holdRun({ store: harness.store(), cancels, responseId: id, workerId: 'worker-a', leaseMs: 60_000, renewEveryMs: 20 });
      const aborted = once(hold.signal, 'abort');
      await harness.secondStore().requestCancel(tenantId, id);
      await aborted;
      expect(hold.abortReason).toBe('lease_lost');
      await hold.release();
    });

    it('keeps renewing a short lease so no other worker can reclaim the run', async () => {
      const cancels = createInProcessCancelSignals();
      const { id } = await claimOne(harness.store(), 'worker-a', 1_000);
      const hold = await holdRun({ store: harness.store(), cancels, responseId: id, workerId: 'worker-a', leaseMs: 1_000, renewEveryMs: 100 });
      await sleep(1_500); // outlives the first lease by far; only renewals keep the run
      expect(await harness.secondStore().claimNextRun('worker-b', 60_000)).toBeUndefined();
      expect(hold.signal.aborted).toBe(false);
      await hold.release();
    });

    it('aborts when renewals keep failing until the lease has run out', async () => {
      const cancels = createInProcessCancelSignals();
      let clock = 0;
      const failing = { renewLease: async (): Promise<boolean> => Promise.reject(new Error('database unreachable')) };
      const hold = await holdRun({ store: failing, cancels, responseId: 'resp_x', workerId: 'worker-a', leaseMs: 1_000, renewEveryMs: 10, now: () => clock });
      await sleep(50);
      expect(hold.signal.aborted).toBe(false);
      clock = 1_000;
      await once(hold.signal, 'abort');
      expect(hold.abortReason).toBe('lease_lost');
      await hold.release();
    });

    it('ignores signals after release', async () => {
      const cancels = createInProcessCancelSignals();
      const { id } = await claimOne(harness.store(), 'worker-a', 60_000);
      const hold = await holdRun({ store: harness.store(), cancels, responseId: id, workerId: 'worker-a', leaseMs: 60_000 });
      await hold.release();
      await hold.release();
      await cancels.publishCancel(id);
      expect(hold.signal.aborted).toBe(false);
    });
  });
}
