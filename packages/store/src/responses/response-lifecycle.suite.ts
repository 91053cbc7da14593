import { describe, expect, it } from 'vitest';
import { ResponseNotCancellableError } from '../errors/response-not-cancellable-error.js';
import { newResponse, outputMessage, responseSnapshot, sampleUsage, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';
import type { ResponseStore } from '../response-store.js';
import type { StoredResponse } from './stored-response.js';

async function outputCount(store: ResponseStore, id: string): Promise<number> {
  const result = await store.sql.query<{ count: number }>(`SELECT count(*)::integer AS count FROM response_items WHERE response_id = $1 AND kind = 'output'`, [id]);
  return result.rows[0]?.count ?? -1;
}

/** A background run created and claimed by a worker (status in_progress). Uses a dedicated claim by id. */
async function claimedRun(store: ResponseStore, tenantId: string): Promise<StoredResponse> {
  const record = newResponse({ tenantId, background: true });
  await store.createResponse({ ...record, snapshot: responseSnapshot(record.id, 'queued') });
  // Claim this exact row the way claimNextRun does, without depending on the shared queue's contents.
  await store.sql.query(
    `UPDATE responses SET status = 'in_progress', lease_owner = 'worker-a', lease_expires_at = now() + interval '1 minute', attempts = 1 WHERE id = $1`,
    [record.id],
  );
  const claimed = await store.getResponse(tenantId, record.id);
  if (claimed === undefined) throw new Error('claimed run vanished');
  return claimed;
}

export function defineResponseLifecycleSuite(harness: StoreHarness): void {
  describe('completeResponse', () => {
    it('moves an in_progress response to completed with its output, usage and snapshot', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      const outcome = await harness.store().completeResponse(record.id, {
        status: 'completed',
        outputItems: [outputMessage(uniqueId('msg'), 'hi')],
        usage: sampleUsage,
        snapshot: responseSnapshot(record.id, 'in_progress'),
      });
      expect(outcome.applied).toBe(true);
      expect(outcome.response).toMatchObject({ status: 'completed', usage: sampleUsage, error: null });
      expect(outcome.response?.snapshot?.status).toBe('completed');
      expect(outcome.response?.completedAt).toBeInstanceOf(Date);
      expect(await harness.store().getResponse(tenantId, record.id)).toEqual(outcome.response);
      expect(await outputCount(harness.store(), record.id)).toBe(1);
    });

    it('records a failure with its error', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      const error = { code: 'server_error', message: 'upstream broke' } as const;
      const outcome = await harness.store().completeResponse(record.id, { status: 'failed', outputItems: [], error });
      expect(outcome.response).toMatchObject({ status: 'failed', error });
    });

    it('never completes twice and never duplicates output items', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [outputMessage(uniqueId('msg'), 'first')] });
      const again = await harness.store().completeResponse(record.id, { status: 'failed', outputItems: [outputMessage(uniqueId('msg'), 'second')] });
      expect(again.applied).toBe(false);
      expect(again.response?.status).toBe('completed');
      expect(await outputCount(harness.store(), record.id)).toBe(1);
    });

    it('does not complete a queued run nobody claimed, nor an unknown id', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      const queued = await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [] });
      expect(queued).toMatchObject({ applied: false, response: { status: 'queued' } });
      expect(await harness.store().completeResponse(uniqueId('resp'), { status: 'completed', outputItems: [] })).toEqual({ applied: false, response: undefined });
    });

    it('only lets the worker holding the lease complete a run', async () => {
      const tenantId = uniqueId('tenant');
      const run = await claimedRun(harness.store(), tenantId);
      const stranger = await harness.store().completeResponse(run.id, { status: 'completed', outputItems: [], workerId: 'worker-b' });
      expect(stranger.applied).toBe(false);
      const owner = await harness.store().completeResponse(run.id, { status: 'completed', outputItems: [], workerId: 'worker-a' });
      expect(owner.applied).toBe(true);
      expect(owner.response).toMatchObject({ leaseOwner: null, leaseExpiresAt: null });
    });
  });

  describe('requestCancel', () => {
    it('cancels a queued run, and a repeated cancel returns the same object', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse({ ...record, snapshot: responseSnapshot(record.id, 'queued') });
      const cancelled = await harness.store().requestCancel(tenantId, record.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
      expect(cancelled?.snapshot?.status).toBe('cancelled');
      expect(await harness.store().requestCancel(tenantId, record.id)).toEqual(cancelled);
    });

    it('cancels an in_progress run for good: the worker can neither complete nor renew it', async () => {
      const tenantId = uniqueId('tenant');
      const run = await claimedRun(harness.store(), tenantId);
      const cancelled = await harness.store().requestCancel(tenantId, run.id);
      expect(cancelled?.status).toBe('cancelled');
      expect(await harness.store().renewLease(run.id, 'worker-a', 60_000)).toBe(false);
      const late = await harness.store().completeResponse(run.id, { status: 'completed', outputItems: [outputMessage(uniqueId('msg'), 'late')], workerId: 'worker-a' });
      expect(late).toMatchObject({ applied: false, response: { status: 'cancelled' } });
      const lateWithoutLease = await harness.store().completeResponse(run.id, { status: 'completed', outputItems: [] });
      expect(lateWithoutLease.applied).toBe(false);
      expect((await harness.store().getResponse(tenantId, run.id))?.status).toBe('cancelled');
      expect(await outputCount(harness.store(), run.id)).toBe(0);
    });

    it('returns a finished background response unchanged', async () => {
      const tenantId = uniqueId('tenant');
      const run = await claimedRun(harness.store(), tenantId);
      const done = await harness.store().completeResponse(run.id, { status: 'completed', outputItems: [] });
      expect(await harness.store().requestCancel(tenantId, run.id)).toEqual(done.response);
    });

    it('refuses to cancel a foreground response with a 400 and leaves it alone', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      const error = await harness.store().requestCancel(tenantId, record.id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ResponseNotCancellableError);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', isRetryable: false });
      expect((await harness.store().getResponse(tenantId, record.id))?.status).toBe('in_progress');
    });

    it('answers another tenant like an unknown id and changes nothing', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      const intruder = uniqueId('tenant');
      expect(await harness.store().requestCancel(intruder, record.id)).toBeUndefined();
      expect(await harness.store().requestCancel(intruder, uniqueId('resp'))).toBeUndefined();
      expect((await harness.store().getResponse(tenantId, record.id))?.status).toBe('queued');
    });
  });

  describe('status machine enforced in SQL', () => {
    const forbidden: Array<[string, string]> = [
      ['cancelled', 'completed'],
      ['cancelled', 'in_progress'],
      ['completed', 'in_progress'],
      ['failed', 'completed'],
      ['incomplete', 'queued'],
      ['queued', 'completed'],
    ];
    it.each(forbidden)('refuses %s → %s even from raw SQL', async (from, to) => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      await harness.store().sql.query(`UPDATE responses SET status = 'in_progress' WHERE id = $1`, [record.id]);
      await harness.store().sql.query('UPDATE responses SET status = $2 WHERE id = $1', [record.id, from]);
      await expect(harness.store().sql.query('UPDATE responses SET status = $2 WHERE id = $1', [record.id, to])).rejects.toThrow(/cannot change/);
      expect((await harness.store().getResponse(tenantId, record.id))?.status).toBe(from);
    });
  });
}
