import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteHarness } from './test-support/create-pglite-harness.js';
import { defineAllStoreSuites } from './test-support/define-all-store-suites.js';
import { newResponse, uniqueId } from './test-support/fixtures.js';

const harness = createPgliteHarness();

describe('store on PGlite (embedded)', () => {
  beforeAll(() => harness.open(), 60_000);
  afterAll(() => harness.close());

  defineAllStoreSuites(harness);

  describe('data folder', () => {
    it('was created on first use, nested folders included', async () => {
      expect((await stat(harness.dataDir())).isDirectory()).toBe(true);
    });

    it('keeps every acknowledged record across a restart', async () => {
      const tenantId = uniqueId('tenant');
      const record = newResponse({ tenantId, background: true });
      const created = await harness.store().createResponse(record);
      await harness.reopen();
      expect(await harness.store().getResponse(tenantId, record.id)).toEqual(created);
      expect(await harness.store().migrate()).toEqual({ applied: [] });
    }, 60_000);
  });
});
