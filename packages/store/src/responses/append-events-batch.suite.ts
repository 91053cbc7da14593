import { describe, expect, it } from 'vitest';
import { newResponse, textDelta, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

export function defineAppendEventsBatchSuite(harness: StoreHarness): void {
  describe('appendEvents writes a batch in one statement', () => {
    it.each([0, 1, 60])('stores a batch of %i events and replays them unchanged, in order', async (count) => {
      const record = newResponse({ tenantId: uniqueId('tenant') });
      await harness.store().createResponse(record);
      // Deltas with quotes, escapes, non-ASCII and an empty string survive the json → jsonb conversion.
      const pieces = ['He said "hi"', 'back\\slash', 'tab\there', 'émoji 🚀', '', 'line\nbreak'];
      const events = Array.from({ length: count }, (_, index) => textDelta(index, pieces[index % pieces.length] ?? ''));
      expect(await harness.store().appendEvents(record.id, events)).toBe(count);
      expect(await harness.store().readEvents(record.tenantId, record.id)).toEqual(events);
    });
  });
}
