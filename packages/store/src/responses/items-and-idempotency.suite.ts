import { describe, expect, it } from 'vitest';
import { inputMessage, newResponse, uniqueId } from '../test-support/fixtures.js';
import type { StoreHarness } from '../test-support/store-harness.js';

export function defineItemsAndIdempotencySuite(harness: StoreHarness): void {
  describe('getItem', () => {
    it('finds a stored item of the same tenant only, and never one of a store:false response', async () => {
      const tenantId = uniqueId('tenant');
      const itemId = uniqueId('msg');
      await harness.store().createResponse(newResponse({ tenantId, inputItems: [inputMessage(itemId, 'hello')] }));
      expect(await harness.store().getItem(tenantId, itemId)).toMatchObject({ id: itemId, content: [{ text: 'hello' }] });
      expect(await harness.store().getItem(uniqueId('tenant'), itemId)).toBeUndefined();
      expect(await harness.store().getItem(tenantId, uniqueId('msg'))).toBeUndefined();
      const hidden = uniqueId('msg');
      await harness.store().createResponse(newResponse({ tenantId, store: false, inputItems: [inputMessage(hidden, 'secret')] }));
      expect(await harness.store().getItem(tenantId, hidden)).toBeUndefined();
    });
  });

  describe('idempotency keys', () => {
    it('claims a key once, answers the same body with the first response and another body with reused', async () => {
      const tenantId = uniqueId('tenant');
      const first = newResponse({ tenantId });
      await harness.store().createResponse(first);
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-1', 'hash-a', first.id)).toEqual({ kind: 'claimed' });
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-1', 'hash-a', uniqueId('resp'))).toEqual({ kind: 'existing', responseId: first.id });
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-1', 'hash-b', uniqueId('resp'))).toEqual({ kind: 'reused' });
      // Keys are per tenant.
      expect(await harness.store().claimIdempotencyKey(uniqueId('tenant'), 'key-1', 'hash-b', uniqueId('resp'))).toEqual({ kind: 'claimed' });
    });

    it('takes over a key whose response is gone, and forgets a released claim', async () => {
      const tenantId = uniqueId('tenant');
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-a', uniqueId('resp'))).toEqual({ kind: 'claimed' });
      const next = newResponse({ tenantId });
      await harness.store().createResponse(next);
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-a', next.id)).toEqual({ kind: 'claimed' });
      await harness.store().releaseIdempotencyKey(tenantId, 'key-2', next.id);
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-c', uniqueId('resp'))).toEqual({ kind: 'claimed' });
    });
  });
}
