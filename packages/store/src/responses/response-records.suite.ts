import { describe, expect, it } from 'vitest';
import { inputMessage, newResponse, responseSnapshot, textDelta, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

export function defineResponseRecordsSuite(harness: StoreHarness): void {
  describe('createResponse / getResponse / deleteResponse', () => {
    it('stores a record with its input items and reads it back', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true, previousResponseId: 'resp_parent' });
      const created = await harness.store().createResponse({ ...record, snapshot: responseSnapshot(record.id, 'queued') });
      expect(created).toMatchObject({
        id: record.id,
        tenantId,
        status: 'queued',
        model: 'fake/model',
        provider: 'fake',
        previousResponseId: 'resp_parent',
        background: true,
        store: true,
        completedAt: null,
        error: null,
        usage: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        attempts: 0,
        cancelRequested: false,
        accounting: null,
      });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(created.request).toEqual(record.request);
      expect(created.snapshot?.status).toBe('queued');
      expect(await harness.store().getResponse(tenantId, record.id)).toEqual(created);
      const page = await harness.store().listInputItems(tenantId, record.id, { order: 'asc' });
      expect(page?.data).toEqual(record.inputItems);
    });

    it('keeps a background run\'s accounting (its admission, for the worker)', async () => {
      const tenantId = uniqueId('tenant');
      const accounting = {
        requestId: uniqueId('req'),
        tenantId,
        keyId: 'key_0123456789abcdef01234567',
        model: 'fake/model',
        estimatedTokens: 1234,
        reservation: { id: uniqueId('req'), amountUsd: 0.0125, periodStart: '2026-11-22T00:00:00.000Z' },
      };
      const record = newResponse({ tenantId, background: true });
      const created = await harness.store().createResponse({ ...record, snapshot: responseSnapshot(record.id, 'queued'), accounting });
      expect(created.accounting).toEqual(accounting);
      expect((await harness.store().getResponse(tenantId, record.id))?.accounting).toEqual(accounting);
    });

    it('answers a foreign id exactly like an unknown one', async () => {
      const owner = uniqueId('tenant');
      const record = newResponse({ tenantId: owner });
      await harness.store().createResponse(record);
      const intruder = uniqueId('tenant');
      const foreign = await harness.store().getResponse(intruder, record.id);
      const unknown = await harness.store().getResponse(intruder, uniqueId('resp'));
      expect(foreign).toBeUndefined();
      expect(foreign).toStrictEqual(unknown);
    });

    it('writes nothing when an input item cannot be stored (one transaction)', async () => {
      const tenantId = uniqueId('tenant');
      // PostgreSQL's jsonb cannot hold U+0000, so the item insert fails after the response insert.
      const record = newResponse({ tenantId, inputItems: [inputMessage(uniqueId('msg'), 'ok'), inputMessage(uniqueId('msg'), 'bad \u0000 text')] });
      await expect(harness.store().createResponse(record)).rejects.toThrow();
      expect(await harness.store().getResponse(tenantId, record.id)).toBeUndefined();
      const leftovers = await harness.store().sql.query<{ count: number }>('SELECT count(*)::integer AS count FROM response_items WHERE response_id = $1', [record.id]);
      expect(leftovers.rows[0]?.count).toBe(0);
    });

    it('refuses input items without ids before touching the database', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, inputItems: [{ type: 'message', role: 'user', content: 'no id' } as never] });
      await expect(harness.store().createResponse(record)).rejects.toThrow(TypeError);
      expect(await harness.store().getResponse(tenantId, record.id)).toBeUndefined();
    });

    it('rejects a second record with the same id and keeps the first intact', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      await expect(harness.store().createResponse({ ...record, tenantId: uniqueId('tenant') })).rejects.toThrow();
      expect((await harness.store().getResponse(tenantId, record.id))?.tenantId).toBe(tenantId);
      const page = await harness.store().listInputItems(tenantId, record.id);
      expect(page?.data).toHaveLength(1);
    });

    it('deletes the record with its items and events; afterwards it is unknown', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      await harness.store().appendEvents(record.id, [textDelta(0, 'a'), textDelta(1, 'b')]);
      expect(await harness.store().deleteResponse(tenantId, record.id)).toBe(true);
      expect(await harness.store().getResponse(tenantId, record.id)).toBeUndefined();
      expect(await harness.store().listInputItems(tenantId, record.id)).toBeUndefined();
      expect(await harness.store().readEvents(tenantId, record.id)).toBeUndefined();
      const counts = await harness.store().sql.query<{ items: number; events: number }>(
        `SELECT (SELECT count(*)::integer FROM response_items WHERE response_id = $1) AS items,
                (SELECT count(*)::integer FROM response_events WHERE response_id = $1) AS events`,
        [record.id],
      );
      expect(counts.rows[0]).toEqual({ items: 0, events: 0 });
      expect(await harness.store().deleteResponse(tenantId, record.id)).toBe(false);
    });

    it('does not let another tenant delete a response', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId });
      await harness.store().createResponse(record);
      expect(await harness.store().deleteResponse(uniqueId('tenant'), record.id)).toBe(false);
      expect(await harness.store().getResponse(tenantId, record.id)).toBeDefined();
    });
  });
}
