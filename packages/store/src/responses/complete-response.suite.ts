import { describe, expect, it } from 'vitest';
import type { StoredOutputItem } from './stored-response.js';
import { newResponse, outputMessage, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

/** The output items of a response as stored: position and item id, in position order. */
async function storedOutput(harness: StoreHarness, id: string): Promise<Array<{ position: number; item_id: string; text: unknown }>> {
  const result = await harness
    .store()
    .sql.query<{ position: number; item_id: string; text: unknown }>(
      `SELECT position, item_id, item #>> '{content,0,text}' AS text FROM response_items WHERE response_id = $1 AND kind = 'output' ORDER BY position`,
      [id],
    );
  return result.rows;
}

export function defineCompleteResponseSuite(harness: StoreHarness): void {
  describe('completeResponse writes its output items in one statement', () => {
    it.each([0, 1, 7])('stores %i output items at positions 0..n-1, in order', async (count) => {
      const record = newResponse({ tenantId: uniqueId('tenant') });
      await harness.store().createResponse(record);
      const items: StoredOutputItem[] = Array.from({ length: count }, (_, index) => outputMessage(uniqueId(`msg_${index}`), `part ${index}`));
      const outcome = await harness.store().completeResponse(record.id, { status: 'completed', outputItems: items });
      expect(outcome.applied).toBe(true);
      expect(await storedOutput(harness, record.id)).toEqual(items.map((item, position) => ({ position, item_id: item.id, text: `part ${position}` })));
      const page = await harness.store().listInputItems(record.tenantId, record.id);
      expect(page?.data.length).toBe(record.inputItems.length);
    });

    it('replaces output items stored before it: the new ones in order, no leftover positions', async () => {
      const record = newResponse({ tenantId: uniqueId('tenant') });
      await harness.store().createResponse(record);
      for (const position of [0, 1, 2]) {
        await harness.store().sql.query(
          `INSERT INTO response_items (response_id, kind, position, item_id, item) VALUES ($1, 'output', $2, $3, $4::jsonb)`,
          [record.id, position, `old_${position}`, JSON.stringify(outputMessage(`old_${position}`, `old ${position}`))],
        );
      }
      const items = [outputMessage(uniqueId('new_a'), 'new a'), outputMessage(uniqueId('new_b'), 'new b')];
      await harness.store().completeResponse(record.id, { status: 'completed', outputItems: items });
      expect(await storedOutput(harness, record.id)).toEqual([
        { position: 0, item_id: items[0]?.id, text: 'new a' },
        { position: 1, item_id: items[1]?.id, text: 'new b' },
      ]);
    });

    it('records what served the response when told, and keeps the planned provider otherwise', async () => {
      const served = newResponse({ tenantId: uniqueId('tenant'), provider: 'east' });
      await harness.store().createResponse(served);
      expect((await harness.store().getResponse(served.tenantId, served.id))?.deployment).toBeNull();
      const outcome = await harness.store().completeResponse(served.id, { status: 'completed', outputItems: [], servedBy: { provider: 'claude', deployment: 'claude-spare' } });
      expect(outcome).toMatchObject({ applied: true, response: { provider: 'claude', deployment: 'claude-spare' } });
      expect(await harness.store().getResponse(served.tenantId, served.id)).toMatchObject({ provider: 'claude', deployment: 'claude-spare' });

      const unrouted = newResponse({ tenantId: uniqueId('tenant'), provider: 'east' });
      await harness.store().createResponse(unrouted);
      await harness.store().completeResponse(unrouted.id, { status: 'failed', outputItems: [] });
      expect(await harness.store().getResponse(unrouted.tenantId, unrouted.id)).toMatchObject({ status: 'failed', provider: 'east', deployment: null });
    });

    it('writes no item when the response is not in progress, and answers with the row as it is', async () => {
      const record = newResponse({ tenantId: uniqueId('tenant') });
      await harness.store().createResponse(record);
      await harness.store().completeResponse(record.id, { status: 'cancelled', outputItems: [] });
      const late = await harness.store().completeResponse(record.id, { status: 'completed', outputItems: [outputMessage(uniqueId('msg'), 'late')] });
      expect(late).toMatchObject({ applied: false, response: { id: record.id, status: 'cancelled' } });
      expect(await storedOutput(harness, record.id)).toEqual([]);
      expect(await harness.store().completeResponse(uniqueId('resp_missing'), { status: 'completed', outputItems: [] })).toEqual({ applied: false, response: undefined });
    });
  });
}
