import { startFakeOpenAIUpstream, type FakeBehaviour, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const upstreamKey = 'sk-upstream-routing-e2e';
const names = ['cheap', 'middle', 'dear'] as const;
const upstreams = new Map<string, FakeOpenAIUpstream>();
let gateway: TestGateway;
let client: OpenAI;

type Created = OpenAI.Responses.ResponseCreateParamsNonStreaming;
type CreatedStreaming = OpenAI.Responses.ResponseCreateParamsStreaming;
type ChatCreated = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

beforeAll(async () => {
  for (const name of names) upstreams.set(name, await startFakeOpenAIUpstream({ apiKey: upstreamKey }));
});
afterAll(async () => {
  for (const upstream of upstreams.values()) await upstream.close();
});

// One gateway per test: its cooldowns (in process) start empty.
beforeEach(async () => {
  const upstreamOf = (name: string) => upstreams.get(name)!;
  gateway = await startTestGateway({
    // No REDIS_URL: cooldowns stay in this gateway, so each test starts with none.
    environment: {},
    config: {
      providers: Object.fromEntries(names.map((name) => [name, { type: 'openai', api_key: upstreamKey, base_url: upstreamOf(name).url }])),
      routing: {
        retry: { max_retries: 1, base_delay_ms: 1, max_delay_ms: 5, max_retry_after_ms: 2000 },
        deployments: [
          { name: 'cheap-us', provider: 'cheap', model: 'gpt-4o-mini', regions: ['US'], prices: { input: 0.1, output: 0.2 } },
          { name: 'middle-de', provider: 'middle', model: 'gpt-4o-mini', regions: ['DE'], prices: { input: 0.5, output: 1 } },
          { name: 'dear-fr', provider: 'dear', model: 'gpt-4o-mini', regions: ['FR'], prices: { input: 2, output: 4 } },
        ],
        aliases: { fast: ['dear-fr', 'cheap-us', 'middle-de'] },
      },
    },
  });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  for (const upstream of upstreams.values()) upstream.requests.length = 0;
});
afterEach(async () => {
  await gateway.close();
});

const byPrice = { provider: { sort: 'price' } };
const generations = (name: string) => upstreams.get(name)!.requests.filter((request) => request.method === 'POST').length;

const failures: ReadonlyArray<readonly [string, FakeBehaviour]> = [
  ['429 with Retry-After', { kind: 'error', status: 429, headers: { 'retry-after': '1' } }],
  ['500', { kind: 'error', status: 500 }],
  ['503', { kind: 'error', status: 503 }],
];

describe('an alias with three deployments survives one failing', () => {
  for (const [what, behaviour] of failures) {
    it(`the cheapest deployment answers ${what}: JSON, no client-visible error`, async () => {
      upstreams.get('cheap')!.enqueue(behaviour);
      const { data, response } = await client.responses.create({ model: 'fast', input: 'Hello', ...byPrice } as Created).withResponse();
      expect(data.status).toBe('completed');
      expect(response.headers.get('x-switchyard-deployment')).toBe('middle-de');
      expect(response.headers.get('x-switchyard-provider')).toBe('middle');
      expect(generations('cheap')).toBe(1);
      expect(generations('middle')).toBe(1);
      expect(generations('dear')).toBe(0);
    });

    it(`the cheapest deployment answers ${what}: stream, decided before the first byte`, async () => {
      upstreams.get('cheap')!.enqueue(behaviour);
      const { data: stream, response } = await client.responses.create({ model: 'fast', input: 'Hello', stream: true, ...byPrice } as CreatedStreaming).withResponse();
      const types: string[] = [];
      for await (const event of stream) types.push(event.type);
      expect(types.at(-1)).toBe('response.completed');
      expect(response.headers.get('x-switchyard-deployment')).toBe('middle-de');
      expect(generations('cheap')).toBe(1);
    });
  }

  it('a stream cut before its first event falls back', async () => {
    upstreams.get('cheap')!.enqueue({ kind: 'cut-mid-stream', afterEvents: 0 });
    const { data: stream, response } = await client.responses.create({ model: 'fast', input: 'Hello', stream: true, ...byPrice } as CreatedStreaming).withResponse();
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('response.completed');
    expect(response.headers.get('x-switchyard-deployment')).toBe('middle-de');
  });

  it('chat completions fall back too', async () => {
    upstreams.get('cheap')!.enqueue({ kind: 'error', status: 500 });
    const { data, response } = await client.chat.completions
      .create({ model: 'fast', messages: [{ role: 'user', content: 'Hi' }], ...byPrice } as ChatCreated)
      .withResponse();
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(response.headers.get('x-switchyard-deployment')).toBe('middle-de');
  });

  it('a 400 from the upstream is not retried nor sent elsewhere', async () => {
    upstreams.get('cheap')!.enqueue({ kind: 'error', status: 400 });
    await expect(client.responses.create({ model: 'fast', input: 'Hello', ...byPrice } as Created)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    expect(generations('middle') + generations('dear')).toBe(0);
  });
});

describe('provider preferences', () => {
  it('sort: price picks the cheapest deployment', async () => {
    const { response } = await client.responses.create({ model: 'fast', input: 'Hello', ...byPrice } as Created).withResponse();
    expect(response.headers.get('x-switchyard-deployment')).toBe('cheap-us');
  });

  it('compliance keeps the request in a certified region', async () => {
    const { response } = await client.responses.create({ model: 'fast', input: 'Hello', provider: { compliance: 'FR' } } as Created).withResponse();
    expect(response.headers.get('x-switchyard-deployment')).toBe('dear-fr');
  });

  it('compliance with no certified deployment is a 403 naming the region, before any upstream call', async () => {
    const refused = await client.responses.create({ model: 'fast', input: 'Hello', provider: { compliance: 'JP' } } as Created).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((refused as InstanceType<typeof OpenAI.PermissionDeniedError>).message).toContain('JP');
    expect(generations('cheap') + generations('middle') + generations('dear')).toBe(0);
  });

  it('order, only and allow_fallbacks: false', async () => {
    const ordered = await client.responses.create({ model: 'fast', input: 'Hi', provider: { order: ['middle-de'] } } as Created).withResponse();
    expect(ordered.response.headers.get('x-switchyard-deployment')).toBe('middle-de');
    const only = await client.responses.create({ model: 'fast', input: 'Hi', provider: { only: ['dear'] } } as Created).withResponse();
    expect(only.response.headers.get('x-switchyard-deployment')).toBe('dear-fr');
    upstreams.get('cheap')!.enqueue({ kind: 'error', status: 500 }, { times: 2 });
    const single = await client.responses
      .create({ model: 'fast', input: 'Hi', provider: { sort: 'price', allow_fallbacks: false } } as Created)
      .catch((error: unknown) => error);
    expect(single).toBeInstanceOf(OpenAI.InternalServerError);
    expect(generations('middle') + generations('dear')).toBe(2); // the two earlier requests only
  });

  it('provider/model names are routed too and report their deployment', async () => {
    const { response } = await client.responses.create({ model: 'middle/gpt-4o-mini', input: 'Hi' }).withResponse();
    expect(response.headers.get('x-switchyard-provider')).toBe('middle');
  });
});

describe('models a key may use', () => {
  it('lists the aliases and models of the registry, filtered by the key allow-list', async () => {
    const all = await client.models.list();
    expect(all.data.map((model) => model.id)).toEqual(expect.arrayContaining(['fast', 'middle/gpt-4o-mini']));
    const created = await client.post<{ key: string }>('/admin/keys', { body: { name: 'fast-only', tenant: 'acme-models', allowed_models: ['fast'] } });
    const limited = new OpenAI({ apiKey: created.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const listed = await limited.models.list();
    expect(listed.data.map((model) => model.id)).toEqual(['fast']);
    await expect(limited.models.retrieve('fast')).resolves.toMatchObject({ id: 'fast' });
    await expect(limited.models.retrieve('middle/gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const { response } = await limited.responses.create({ model: 'fast', input: 'Hi' }).withResponse();
    expect(response.headers.get('x-switchyard-deployment')).toEqual(expect.any(String));
  });
});

describe('the ledger of a routed request', () => {
  it('has one row per upstream attempt and one request row naming the deployment that answered', async () => {
    upstreams.get('cheap')!.enqueue({ kind: 'error', status: 503 });
    const { response } = await client.responses.create({ model: 'fast', input: 'Hello', ...byPrice } as Created).withResponse();
    const requestId = response.headers.get('x-request-id');
    const ledgerRows = () =>
      gateway.gateway
        .state()
        .store.sql.query<{ kind: string; attempt_number: number; deployment: string; status: string; output_tokens: number }>(
          'SELECT kind, attempt_number, deployment, status, output_tokens FROM usage_ledger WHERE request_id = $1 ORDER BY kind, attempt_number',
          [requestId],
        );
    // The ledger is written after the answer went out.
    await expect.poll(async () => (await ledgerRows()).rows.length).toBe(3);
    const rows = await ledgerRows();
    expect(rows.rows.map((row) => [row.kind, row.attempt_number, row.deployment, row.status])).toEqual([
      ['attempt', 1, 'cheap-us', 'failed'],
      ['attempt', 2, 'middle-de', 'completed'],
      ['request', 0, 'middle-de', 'completed'],
    ]);
    expect(rows.rows[0]!.output_tokens).toBe(0);
    expect(rows.rows[2]!.output_tokens).toBeGreaterThan(0);
  });
});
