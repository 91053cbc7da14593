import { GatewayError } from '@switchyard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyAdmin, type KeyAdmin } from '../admin/key-admin.js';
import type { SqlHarness } from '../test-support/sql-harness.js';
import { uniqueId } from '../test-support/sql-harness.js';
import { createApiKeyRepository, type ApiKeyRepository } from './api-key-repository.js';
import { authenticateKey } from './authenticate-key.js';
import type { Caller } from './caller.js';
import { resolveCaller } from './caller.js';
import { hashApiKey } from './generate-api-key.js';

const master: Caller = { kind: 'master' };

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (GatewayError.isInstance(error)) return error.status;
    throw error;
  }
  return 200;
}

export function defineKeysSuite(harness: SqlHarness): void {
  describe('virtual keys', () => {
    let repository: ApiKeyRepository;
    let admin: KeyAdmin;
    beforeAll(() => {
      repository = createApiKeyRepository(harness.sql());
      admin = createKeyAdmin(repository);
    });

    it('creates a key shown once and stores only its SHA-256 hash', async () => {
      const tenant = uniqueId('tenant');
      const created = await admin.createKey(master, {
        name: 'ci', tenant, allowed_models: ['openai/gpt-4o'], rpm: 60, tpm: 10_000,
        budget: { limit_usd: 5, period: 'monthly' }, expires_at: null, metadata: { team: 'a' },
      });
      expect(created.key).toMatch(/^sk-sy-[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({ object: 'api_key', name: 'ci', tenant, role: 'user', rpm: 60, tpm: 10_000, budget: { limit_usd: 5, period: 'monthly' } });
      expect(created.prefix).toBe(created.key.slice(0, 10));
      const rows = await harness.sql().query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [created.id]);
      expect(JSON.stringify(rows.rows)).not.toContain(created.key);
      expect(rows.rows[0]?.['key_hash']).toBe(hashApiKey(created.key));
      const fetched = await admin.getKey(master, created.id);
      expect(fetched).not.toHaveProperty('key');
      expect(JSON.stringify(await admin.listKeys(master, { tenant }))).not.toContain(created.key);
    });

    it('authenticates a live key and refuses unknown, malformed, revoked and expired ones', async () => {
      const tenant = uniqueId('tenant');
      const live = await admin.createKey(master, { name: 'live', tenant });
      expect((await authenticateKey(repository, live.key))?.id).toBe(live.id);
      expect(await authenticateKey(repository, `${live.key}x`)).toBeUndefined();
      for (const hostile of ["' OR 1=1 --", 'sk-sy-\u0000', 'x'.repeat(65_536), '']) {
        expect(await authenticateKey(repository, hostile)).toBeUndefined();
      }
      const expiring = await admin.createKey(master, { name: 'exp', tenant, expires_at: Math.floor(Date.now() / 1000) + 60 });
      expect(await authenticateKey(repository, expiring.key)).toBeDefined();
      expect(await authenticateKey(repository, expiring.key, new Date(Date.now() + 61_000))).toBeUndefined();
      const revoked = await admin.revokeKey(master, live.id);
      expect(revoked.revoked_at).toEqual(expect.any(Number));
      expect(await authenticateKey(repository, live.key)).toBeUndefined();
      expect((await admin.revokeKey(master, live.id)).revoked_at).toBe(revoked.revoked_at);
    });

    it('resolves the master key and virtual keys to callers', async () => {
      const created = await admin.createKey(master, { name: 'c', tenant: uniqueId('tenant') });
      const options = { repository, masterKey: 'sk-master-secret' };
      expect(await resolveCaller('sk-master-secret', options)).toEqual({ kind: 'master' });
      expect(await resolveCaller(created.key, options)).toMatchObject({ kind: 'key', key: { id: created.id } });
      expect(await resolveCaller('sk-master-secreT', options)).toBeUndefined();
      expect(await resolveCaller('', { repository, masterKey: '' })).toBeUndefined();
    });

    it('lists per tenant and answers 404 for unknown ids', async () => {
      const tenant = uniqueId('tenant');
      const first = await admin.createKey(master, { name: 'one', tenant });
      const second = await admin.createKey(master, { name: 'two', tenant });
      await admin.createKey(master, { name: 'other', tenant: uniqueId('tenant') });
      expect((await admin.listKeys(master, { tenant })).data.map((key) => key.id)).toEqual([first.id, second.id]);
      expect(await statusOf(admin.getKey(master, 'key_doesnotexist'))).toBe(404);
      expect(await statusOf(admin.getKey(master, "key_'; DROP TABLE api_keys; --"))).toBe(404);
      expect(await statusOf(admin.updateKey(master, 'key_missing', { rpm: 5 }))).toBe(404);
      expect(await statusOf(admin.revokeKey(master, 'key_missing'))).toBe(404);
    });

    it('updates exactly the allow-listed fields for the master key', async () => {
      const created = await admin.createKey(master, { name: 'u', tenant: uniqueId('tenant'), rpm: 10 });
      const updated = await admin.updateKey(master, created.id, {
        name: 'renamed', allowed_models: ['a/b'], rpm: null, tpm: 500, budget: { limit_usd: 1.5, period: 'daily' },
        expires_at: 4_102_444_800, metadata: { k: 'v' },
      });
      expect(updated).toMatchObject({
        name: 'renamed', allowed_models: ['a/b'], rpm: null, tpm: 500, budget: { limit_usd: 1.5, period: 'daily' }, expires_at: 4_102_444_800, metadata: { k: 'v' },
      });
      expect((await admin.updateKey(master, created.id, { budget: null })).budget).toBeNull();
    });

    it.each([
      ['role', { role: 'admin' }],
      ['tenant', { tenant: 'someone-else' }],
      ['key_hash', { key_hash: 'x' }],
      ['id', { id: 'key_other' }],
      ['a negative rpm', { rpm: -1 }],
      ['a budget with an unknown period', { budget: { limit_usd: 1, period: 'hourly' } }],
      ['a budget with an extra field', { budget: { limit_usd: 1, period: 'daily', spent: 0 } }],
    ])('refuses %s in an update from the master key with 400, nothing changed', async (_name, body) => {
      const created = await admin.createKey(master, { name: 'm', tenant: uniqueId('tenant'), rpm: 10 });
      const before = await repository.get(created.id);
      expect(await statusOf(admin.updateKey(master, created.id, body))).toBe(400);
      expect(await repository.get(created.id)).toEqual(before);
    });

    describe('mass assignment: a virtual key can never change keys, not even its own', () => {
      const attempts: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
        ['name', { name: 'mine now' }],
        ['allowed_models', { allowed_models: null }],
        ['rpm', { rpm: 1_000_000 }],
        ['tpm', { tpm: 1_000_000_000 }],
        ['budget', { budget: { limit_usd: 1_000_000, period: 'total' } }],
        ['budget (removed)', { budget: null }],
        ['expires_at', { expires_at: null }],
        ['metadata', { metadata: { tier: 'unlimited' } }],
        ['role', { role: 'admin' }],
        ['tenant', { tenant: 'other-tenant' }],
      ];

      it.each(attempts)('updating %s with a non-admin key → 403 and the row is unchanged', async (_field, body) => {
        const tenant = uniqueId('tenant');
        const own = await admin.createKey(master, {
          name: 'limited', tenant, allowed_models: ['openai/gpt-4o-mini'], rpm: 5, tpm: 100,
          budget: { limit_usd: 1, period: 'daily' }, expires_at: 4_102_444_800, metadata: { tier: 'free' },
        });
        const other = await admin.createKey(master, { name: 'other', tenant, rpm: 5 });
        const self = await resolveCaller(own.key, { repository, masterKey: 'sk-master' });
        if (self === undefined) throw new Error('the key did not authenticate');
        const before = await repository.list({ tenantId: tenant });
        expect(await statusOf(admin.updateKey(self, own.id, body))).toBe(403);
        expect(await statusOf(admin.updateKey(self, other.id, body))).toBe(403);
        expect(await repository.list({ tenantId: tenant })).toEqual(before);
      });

      it('create, list, get and revoke with a non-admin key → 403, nothing created or revoked', async () => {
        const tenant = uniqueId('tenant');
        const own = await admin.createKey(master, { name: 'limited', tenant });
        const self = await resolveCaller(own.key, { repository, masterKey: 'sk-master' });
        if (self === undefined) throw new Error('the key did not authenticate');
        const before = await repository.list({ tenantId: tenant });
        expect(await statusOf(admin.createKey(self, { name: 'mint', tenant, rpm: 1_000_000 }))).toBe(403);
        expect(await statusOf(admin.listKeys(self, { tenant }))).toBe(403);
        expect(await statusOf(admin.getKey(self, own.id))).toBe(403);
        expect(await statusOf(admin.revokeKey(self, own.id))).toBe(403);
        expect(await repository.list({ tenantId: tenant })).toEqual(before);
      });

      it('a key with role admin in the database is still not the master key', async () => {
        const tenant = uniqueId('tenant');
        const own = await admin.createKey(master, { name: 'admin-role', tenant });
        await harness.sql().query(`UPDATE api_keys SET role = 'admin' WHERE id = $1`, [own.id]);
        const self = await resolveCaller(own.key, { repository, masterKey: 'sk-master' });
        expect(self).toMatchObject({ kind: 'key', key: { role: 'admin' } });
        if (self === undefined) throw new Error('the key did not authenticate');
        expect(await statusOf(admin.updateKey(self, own.id, { rpm: 1_000 }))).toBe(403);
      });
    });
  });
}
