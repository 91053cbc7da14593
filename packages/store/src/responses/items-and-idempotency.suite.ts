import { describe, expect, it } from 'vitest';
import { inputMessage, newResponse, uniqueId } from '../test-support/fixtures.js';
import { idempotencyPendingMs } from './idempotency-keys.js';
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

    it('keeps a fresh claim whose response is not created yet (the winner is still on its way)', async () => {
      const tenantId = uniqueId('tenant');
      const winner = uniqueId('resp');
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-a', winner)).toEqual({ kind: 'claimed' });
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-a', uniqueId('resp'))).toEqual({ kind: 'existing', responseId: winner });
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-2', 'hash-b', uniqueId('resp'))).toEqual({ kind: 'reused' });
    });

    it('takes over a claim without a response once it is older than the pending window, and forgets a released claim', async () => {
      const tenantId = uniqueId('tenant');
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-3', 'hash-a', uniqueId('resp'))).toEqual({ kind: 'claimed' });
      await backdate(tenantId, 'key-3', idempotencyPendingMs + 1000);
      const next = newResponse({ tenantId });
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-3', 'hash-a', next.id)).toEqual({ kind: 'claimed' });
      await harness.store().createResponse(next);
      // Its response exists now: an old claim is still answered until the 24-hour window ends.
      await backdate(tenantId, 'key-3', idempotencyPendingMs + 1000);
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-3', 'hash-a', uniqueId('resp'))).toEqual({ kind: 'existing', responseId: next.id });
      await harness.store().releaseIdempotencyKey(tenantId, 'key-3', next.id);
      expect(await harness.store().claimIdempotencyKey(tenantId, 'key-3', 'hash-c', uniqueId('resp'))).toEqual({ kind: 'claimed' });
    });

    it('of five concurrent first claims of one key exactly one wins; the others name its response', async () => {
      const tenantId = uniqueId('tenant');
      const ids = Array.from({ length: 5 }, () => uniqueId('resp'));
      const claims = await Promise.all(ids.map((id) => harness.store().claimIdempotencyKey(tenantId, 'key-4', 'hash-a', id)));
      const winners = ids.filter((_id, index) => claims[index]?.kind === 'claimed');
      expect(winners).toHaveLength(1);
      for (const claim of claims) if (claim.kind !== 'claimed') expect(claim).toEqual({ kind: 'existing', responseId: winners[0] });
    });
  });

  /** Moves a claim back in time, as if it were made `ageMs` ago. */
  async function backdate(tenantId: string, key: string, ageMs: number): Promise<void> {
    await harness.store().sql.query(
      `UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $3::double precision / 1000) WHERE tenant_id = $1 AND idempotency_key = $2`,
      [tenantId, key, ageMs],
    );
  }
}
