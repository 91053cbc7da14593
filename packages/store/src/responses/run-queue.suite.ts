import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ResponseStore } from '../response-store.js';
import { newResponse, responseSnapshot, uniqueId } from '../test-support/fixtures.js';
import { truncateAll, type StoreHarness } from '../test-support/store-harness.js';

async function queueRuns(store: ResponseStore, count: number): Promise<string[]> {
  const tenantId = uniqueId('tenant');
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const record = newResponse({ tenantId, background: true });
    await store.createResponse({ ...record, snapshot: responseSnapshot(record.id, 'queued') });
    ids.push(record.id);
  }
  return ids;
}

/** Lets a lease of `leaseMs` lapse on the database clock (same machine). */
async function outlive(leaseMs: number): Promise<void> {
  await sleep(leaseMs + 100);
}

export function defineRunQueueSuite(harness: StoreHarness): void {
  describe('background run queue', () => {
    beforeEach(() => truncateAll(harness.store()));

    it('returns undefined when nothing is queued', async () => {
      expect(await harness.store().claimNextRun('worker-a', 60_000)).toBeUndefined();
    });

    it('claims the oldest queued run, leases it and counts the attempt', async () => {
      const [oldest, newer] = await queueRuns(harness.store(), 2);
      const claimed = await harness.store().claimNextRun('worker-a', 60_000);
      expect(claimed).toMatchObject({ id: oldest, status: 'in_progress', leaseOwner: 'worker-a', attempts: 1 });
      expect(claimed?.snapshot?.status).toBe('in_progress');
      expect(claimed?.leaseExpiresAt?.getTime()).toBeGreaterThan(claimed?.updatedAt.getTime() ?? Infinity);
      expect((await harness.store().claimNextRun('worker-b', 60_000))?.id).toBe(newer);
      expect(await harness.store().claimNextRun('worker-c', 60_000)).toBeUndefined();
    });

    it('never claims foreground or cancelled responses', async () => {
      const tenantId = uniqueId('tenant');
      await harness.store().createResponse(newResponse({ tenantId, background: false }));
      const [cancelled] = await queueRuns(harness.store(), 1);
      const owner = await harness.store().sql.query<{ tenant_id: string }>('SELECT tenant_id FROM responses WHERE id = $1', [cancelled ?? '']);
      await harness.store().requestCancel(owner.rows[0]?.tenant_id ?? '', cancelled ?? '');
      expect(await harness.store().claimNextRun('worker-a', 1)).toBeUndefined();
      await outlive(1);
      expect(await harness.store().claimNextRun('worker-a', 60_000)).toBeUndefined();
    });

    it('never hands one run to two workers, even with many parallel claims from two instances', async () => {
      const ids = await queueRuns(harness.store(), 20);
      const stores = [harness.store(), harness.secondStore()];
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, index) => stores[index % 2]?.claimNextRun(`worker-${index}`, 60_000)),
      );
      const claimed = burst.flatMap((run) => (run === undefined ? [] : [run.id]));
      // Whatever the burst left (SKIP LOCKED may make a caller come back empty-handed) is claimed afterwards.
      for (let next = await harness.store().claimNextRun('sweeper', 60_000); next !== undefined; next = await harness.store().claimNextRun('sweeper', 60_000)) {
        claimed.push(next.id);
      }
      expect(new Set(claimed).size).toBe(claimed.length);
      expect([...claimed].sort()).toEqual([...ids].sort());
      const attempts = await harness.store().sql.query<{ attempts: number }>('SELECT DISTINCT attempts FROM responses');
      expect(attempts.rows).toEqual([{ attempts: 1 }]);
    });

    it('keeps workers looping in parallel from ever sharing a run', async () => {
      const ids = await queueRuns(harness.store(), 24);
      const stores = [harness.store(), harness.secondStore()];
      const perWorker = await Promise.all(
        Array.from({ length: 6 }, async (_, worker) => {
          const mine: string[] = [];
          const store = stores[worker % 2];
          if (store === undefined) return mine;
          for (let run = await store.claimNextRun(`loop-${worker}`, 60_000); run !== undefined; run = await store.claimNextRun(`loop-${worker}`, 60_000)) {
            mine.push(run.id);
          }
          return mine;
        }),
      );
      const all = perWorker.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...ids].sort());
    });

    it('leaves a run with a live lease alone and reclaims it once the lease lapsed', async () => {
      const [id] = await queueRuns(harness.store(), 1);
      // A generous lease, so a slow machine cannot let it lapse before the second claim.
      const first = await harness.store().claimNextRun('worker-a', 1_000);
      expect(first?.id).toBe(id);
      expect(await harness.secondStore().claimNextRun('worker-b', 60_000)).toBeUndefined();
      await outlive(1_000);
      const reclaimed = await harness.secondStore().claimNextRun('worker-b', 60_000);
      expect(reclaimed).toMatchObject({ id, leaseOwner: 'worker-b', attempts: 2, status: 'in_progress' });
      expect(await harness.store().renewLease(id ?? '', 'worker-a', 60_000)).toBe(false);
      expect((await harness.store().completeResponse(id ?? '', { status: 'completed', outputItems: [], workerId: 'worker-a' })).applied).toBe(false);
      expect((await harness.secondStore().completeResponse(id ?? '', { status: 'completed', outputItems: [], workerId: 'worker-b' })).applied).toBe(true);
    });

    it('renews the lease only for its owner while the run is in progress', async () => {
      const [id] = await queueRuns(harness.store(), 1);
      const claimed = await harness.store().claimNextRun('worker-a', 150);
      expect(await harness.store().renewLease(id ?? '', 'worker-a', 60_000)).toBe(true);
      expect(await harness.store().renewLease(id ?? '', 'worker-b', 60_000)).toBe(false);
      const renewed = await harness.store().sql.query<{ lease_expires_at: Date | string }>('SELECT lease_expires_at FROM responses WHERE id = $1', [id ?? '']);
      expect(new Date(renewed.rows[0]?.lease_expires_at ?? 0).getTime()).toBeGreaterThan(claimed?.leaseExpiresAt?.getTime() ?? Infinity);
      await outlive(150);
      expect(await harness.store().claimNextRun('worker-b', 60_000)).toBeUndefined();
    });

    it('puts a released run back in the queue for another worker', async () => {
      const [id] = await queueRuns(harness.store(), 1);
      await harness.store().claimNextRun('worker-a', 60_000);
      expect(await harness.store().releaseRun(id ?? '', 'worker-b')).toBe(false);
      expect(await harness.store().releaseRun(id ?? '', 'worker-a')).toBe(true);
      const again = await harness.store().claimNextRun('worker-b', 60_000);
      expect(again).toMatchObject({ id, leaseOwner: 'worker-b', attempts: 2 });
    });

    it('fails a run whose lease lapsed maxAttempts times instead of retrying forever', async () => {
      const [id] = await queueRuns(harness.store(), 1);
      expect((await harness.store().claimNextRun('worker-a', 50, { maxAttempts: 2 }))?.id).toBe(id);
      await outlive(50);
      expect((await harness.store().claimNextRun('worker-b', 50, { maxAttempts: 2 }))?.attempts).toBe(2);
      await outlive(50);
      expect(await harness.store().claimNextRun('worker-c', 50, { maxAttempts: 2 })).toBeUndefined();
      const row = await harness.store().sql.query<{ tenant_id: string }>('SELECT tenant_id FROM responses WHERE id = $1', [id ?? '']);
      const failed = await harness.store().getResponse(row.rows[0]?.tenant_id ?? '', id ?? '');
      expect(failed).toMatchObject({ status: 'failed', leaseOwner: null, error: { code: 'server_error' } });
      expect(failed?.snapshot).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
    });

    it.each([0, -5, 1.5])('rejects leaseMs %s', async (leaseMs) => {
      await expect(harness.store().claimNextRun('worker-a', leaseMs)).rejects.toThrow(RangeError);
    });
  });
}
