import { describe, expect, it } from 'vitest';
import { InvalidListParameterError } from '../errors/invalid-list-parameter-error.js';
import { inputMessage, newResponse, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';
import type { ResponseStore } from '../response-store.js';

async function responseWithItems(store: ResponseStore, count: number): Promise<{ tenantId: string; id: string; itemIds: string[] }> {
  const tenantId = uniqueId('tenant');
  const itemIds = Array.from({ length: count }, (_, index) => `msg_${index}_${uniqueId('x')}`);
  const record = newResponse({ tenantId, inputItems: itemIds.map((itemId, index) => inputMessage(itemId, `text ${index}`)) });
  await store.createResponse(record);
  return { tenantId, id: record.id, itemIds };
}

function ids(items: ReadonlyArray<{ id?: unknown }>): unknown[] {
  return items.map((item) => item.id);
}

export function defineListInputItemsSuite(harness: StoreHarness): void {
  describe('listInputItems', () => {
    it('lists newest first by default, with first_id, last_id and has_more', async () => {
      const { tenantId, id, itemIds } = await responseWithItems(harness.store(), 5);
      const page = await harness.store().listInputItems(tenantId, id);
      expect(ids(page?.data ?? [])).toEqual([...itemIds].reverse());
      expect(page).toMatchObject({ first_id: itemIds[4], last_id: itemIds[0], has_more: false });
    });

    it('pages forward with after and limit in ascending order', async () => {
      const { tenantId, id, itemIds } = await responseWithItems(harness.store(), 5);
      const first = await harness.store().listInputItems(tenantId, id, { order: 'asc', limit: 2 });
      expect(ids(first?.data ?? [])).toEqual(itemIds.slice(0, 2));
      expect(first?.has_more).toBe(true);
      const second = await harness.store().listInputItems(tenantId, id, { order: 'asc', limit: 2, after: first?.last_id ?? '' });
      expect(ids(second?.data ?? [])).toEqual(itemIds.slice(2, 4));
      expect(second?.has_more).toBe(true);
      const third = await harness.store().listInputItems(tenantId, id, { order: 'asc', limit: 2, after: second?.last_id ?? '' });
      expect(ids(third?.data ?? [])).toEqual(itemIds.slice(4));
      expect(third).toMatchObject({ has_more: false, first_id: itemIds[4], last_id: itemIds[4] });
    });

    it('pages backward in descending order', async () => {
      const { tenantId, id, itemIds } = await responseWithItems(harness.store(), 4);
      const page = await harness.store().listInputItems(tenantId, id, { order: 'desc', limit: 2, after: itemIds[2] ?? '' });
      expect(ids(page?.data ?? [])).toEqual([itemIds[1], itemIds[0]]);
      expect(page?.has_more).toBe(false);
    });

    it('says has_more false when the limit equals what is left, and returns an empty page after the last item', async () => {
      const { tenantId, id, itemIds } = await responseWithItems(harness.store(), 3);
      const exact = await harness.store().listInputItems(tenantId, id, { order: 'asc', limit: 3 });
      expect(exact?.data).toHaveLength(3);
      expect(exact?.has_more).toBe(false);
      const past = await harness.store().listInputItems(tenantId, id, { order: 'asc', after: itemIds[2] ?? '' });
      expect(past).toEqual({ data: [], first_id: null, last_id: null, has_more: false });
    });

    it('lists a response without input items as an empty page', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, inputItems: [] });
      await harness.store().createResponse(record);
      expect(await harness.store().listInputItems(tenantId, record.id)).toEqual({ data: [], first_id: null, last_id: null, has_more: false });
    });

    it('rejects an after cursor that is not an input item of this response', async () => {
      const { tenantId, id } = await responseWithItems(harness.store(), 2);
      const other = await responseWithItems(harness.store(), 1);
      for (const after of ['msg_unknown', other.itemIds[0] ?? '']) {
        const error = await harness.store().listInputItems(tenantId, id, { after }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InvalidListParameterError);
        expect(error).toMatchObject({ status: 400, param: 'after', type: 'invalid_request_error' });
      }
    });

    it.each([0, 101, 1.5, -1])('rejects limit %s', async (limit) => {
      const { tenantId, id } = await responseWithItems(harness.store(), 1);
      await expect(harness.store().listInputItems(tenantId, id, { limit })).rejects.toMatchObject({ status: 400, param: 'limit' });
    });

    it('accepts the limit bounds 1 and 100', async () => {
      const { tenantId, id, itemIds } = await responseWithItems(harness.store(), 2);
      expect(ids((await harness.store().listInputItems(tenantId, id, { limit: 1 }))?.data ?? [])).toEqual([itemIds[1]]);
      expect((await harness.store().listInputItems(tenantId, id, { limit: 100 }))?.data).toHaveLength(2);
    });

    it('answers another tenant like an unknown response', async () => {
      const { id } = await responseWithItems(harness.store(), 2);
      const intruder = uniqueId('tenant');
      expect(await harness.store().listInputItems(intruder, id)).toBeUndefined();
      expect(await harness.store().listInputItems(intruder, uniqueId('resp'))).toBeUndefined();
    });
  });
}
