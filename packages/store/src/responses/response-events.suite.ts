import { describe, expect, it } from 'vitest';
import { newResponse, textDelta, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

function sequenceNumbers(events: ReadonlyArray<{ sequence_number: number }> | undefined): number[] {
  return (events ?? []).map((event) => event.sequence_number);
}

export function defineResponseEventsSuite(harness: StoreHarness): void {
  describe('appendEvents / readEvents', () => {
    it('replays stored events in order, after a starting_after cursor, with an optional limit', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      expect(await harness.store().appendEvents(record.id, [0, 1, 2].map((sequence) => textDelta(sequence, `d${sequence}`)))).toBe(3);
      expect(await harness.store().appendEvents(record.id, [3, 4].map((sequence) => textDelta(sequence, `d${sequence}`)))).toBe(2);
      const all = await harness.store().readEvents(tenantId, record.id);
      expect(sequenceNumbers(all)).toEqual([0, 1, 2, 3, 4]);
      expect(all?.[2]).toEqual(textDelta(2, 'd2'));
      expect(sequenceNumbers(await harness.store().readEvents(tenantId, record.id, { startingAfter: 2 }))).toEqual([3, 4]);
      expect(await harness.store().readEvents(tenantId, record.id, { startingAfter: 4 })).toEqual([]);
      expect(sequenceNumbers(await harness.store().readEvents(tenantId, record.id, { startingAfter: 0, limit: 2 }))).toEqual([1, 2]);
    });

    it('is idempotent per sequence_number and orders out-of-order appends', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      await harness.store().appendEvents(record.id, [textDelta(2, 'c'), textDelta(0, 'a')]);
      expect(await harness.store().appendEvents(record.id, [textDelta(0, 'a again'), textDelta(1, 'b')])).toBe(1);
      const events = await harness.store().readEvents(tenantId, record.id);
      expect(sequenceNumbers(events)).toEqual([0, 1, 2]);
      expect(events?.[0]).toEqual(textDelta(0, 'a'));
    });

    it('refuses events without a usable sequence_number', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      await expect(harness.store().appendEvents(record.id, [textDelta(-1, 'x')])).rejects.toThrow(TypeError);
      await expect(harness.store().appendEvents(record.id, [textDelta(1.5, 'x')])).rejects.toThrow(TypeError);
      expect(await harness.store().readEvents(tenantId, record.id)).toEqual([]);
    });

    it('fails to append to a response that does not exist', async () => {
      await expect(harness.store().appendEvents(uniqueId('resp'), [textDelta(0, 'x')])).rejects.toThrow();
    });

    it('answers another tenant like an unknown response', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      await harness.store().createResponse(record);
      await harness.store().appendEvents(record.id, [textDelta(0, 'secret')]);
      expect(await harness.store().readEvents(uniqueId('tenant'), record.id)).toBeUndefined();
      expect(await harness.store().readEvents(tenantId, uniqueId('resp'))).toBeUndefined();
    });
  });
}
