import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

interface AdminKeyWire {
  id: string;
  tenant: string;
  name: string;
  role: string;
  allowed_models: string[] | null;
  rpm: number | null;
  tpm: number | null;
  budget: { limit_usd: number; period: string } | null;
  expires_at: number | null;
  revoked_at: number | null;
  metadata: Record<string, string>;
}
type CreatedKey = AdminKeyWire & { key: string };

const upstreamKey = 'sk-upstream-admin-e2e';
const configuredKey = 'sk-configured-team-key';
let upstream: FakeOpenAIUpstream;
let gateway: TestGateway;
let master: OpenAI;

function clientWith(apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
}

async function createKey(body: Record<string, unknown>): Promise<CreatedKey> {
  return master.post<CreatedKey>('/admin/keys', { body });
}

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
  gateway = await startTestGateway({
    config: {
      auth: { master_key: testMasterKey, keys: [{ key: configuredKey, name: 'team', tenant: 'team' }] },
      providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url } },
    },
  });
  master = clientWith(testMasterKey);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('virtual keys through the admin API', () => {
  it('creates a key with the master key, uses it, lists, updates and revokes it', async () => {
    const created = await createKey({ name: 'checkout', tenant: 'acme-lifecycle', rpm: 100, metadata: { team: 'payments' } });
    expect(created.key).toMatch(/^sk-sy-/);
    expect(created).toMatchObject({ tenant: 'acme-lifecycle', name: 'checkout', role: 'user', rpm: 100 });

    const virtual = clientWith(created.key);
    const response = await virtual.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hello' });
    expect(response.status).toBe('completed');
    // The key's tenant owns what it stores: the master key (tenant `default`) cannot see it.
    await expect(virtual.responses.retrieve(response.id)).resolves.toMatchObject({ id: response.id });
    await expect(master.responses.retrieve(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);

    const list = await master.get<{ data: AdminKeyWire[] }>('/admin/keys', { query: { tenant: 'acme-lifecycle' } });
    expect(list.data.map((key) => key.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain(created.key);

    const updated = await master.post<AdminKeyWire>(`/admin/keys/${created.id}`, { body: { rpm: 5, name: 'checkout-v2' } });
    expect(updated).toMatchObject({ rpm: 5, name: 'checkout-v2' });

    const revoked = await master.delete<AdminKeyWire>(`/admin/keys/${created.id}`);
    expect(revoked.revoked_at).toEqual(expect.any(Number));
    await expect(virtual.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hello again' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('answers 401 for an unknown virtual key and keeps configured keys working', async () => {
    await expect(clientWith('sk-sy-not-a-real-key').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const response = await clientWith(configuredKey).responses.create({ model: 'openai/gpt-4o-mini', input: 'Hi' });
    expect(response.status).toBe('completed');
  });
});

describe('mass assignment: a key can never change keys', () => {
  const changes: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
    ['name', { name: 'renamed' }],
    ['allowed_models', { allowed_models: ['openai/gpt-4o'] }],
    ['rpm', { rpm: 100000 }],
    ['tpm', { tpm: 100000000 }],
    ['budget', { budget: { limit_usd: 1000000, period: 'monthly' } }],
    ['budget (removal)', { budget: null }],
    ['expires_at', { expires_at: null }],
    ['metadata', { metadata: { owner: 'me' } }],
  ];
  let self: CreatedKey;
  let sibling: CreatedKey;
  let before: AdminKeyWire[];

  beforeAll(async () => {
    const limits = { rpm: 10, tpm: 10000, allowed_models: ['openai/gpt-4o-mini'], budget: { limit_usd: 1, period: 'daily' }, expires_at: 4102444800 };
    self = await createKey({ name: 'self', tenant: 'acme-mass', ...limits });
    sibling = await createKey({ name: 'sibling', tenant: 'acme-mass', ...limits });
    before = (await master.get<{ data: AdminKeyWire[] }>('/admin/keys', { query: { tenant: 'acme-mass' } })).data;
  });

  for (const [caller, keyOf] of [['the key itself', () => self.key], ['a configured (non-master) key', () => configuredKey]] as const) {
    for (const [field, body] of changes) {
      for (const target of ['own', 'sibling'] as const) {
        it(`${caller} updating ${field} of its ${target} key → 403, nothing changed`, async () => {
          const id = target === 'own' ? self.id : sibling.id;
          const attempt = clientWith(keyOf()).post(`/admin/keys/${id}`, { body });
          await expect(attempt).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
          const after = (await master.get<{ data: AdminKeyWire[] }>('/admin/keys', { query: { tenant: 'acme-mass' } })).data;
          expect(after).toEqual(before);
        });
      }
    }
    it(`${caller} cannot create, list, read, revoke keys or read usage (403)`, async () => {
      const client = clientWith(keyOf());
      const attempts = [
        () => client.post('/admin/keys', { body: { name: 'mine', tenant: 'acme-mass', rpm: 1000 } }),
        () => client.get('/admin/keys'),
        () => client.get(`/admin/keys/${sibling.id}`),
        () => client.delete(`/admin/keys/${sibling.id}`),
        () => client.get('/admin/usage'),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
      const after = (await master.get<{ data: AdminKeyWire[] }>('/admin/keys', { query: { tenant: 'acme-mass' } })).data;
      expect(after).toEqual(before);
    });
  }

  it('the master key may not set the role or move a key to another tenant (400, unchanged)', async () => {
    for (const body of [{ role: 'admin' }, { tenant: 'other' }]) {
      await expect(master.post(`/admin/keys/${self.id}`, { body })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    }
    const after = (await master.get<{ data: AdminKeyWire[] }>('/admin/keys', { query: { tenant: 'acme-mass' } })).data;
    expect(after).toEqual(before);
  });
});
