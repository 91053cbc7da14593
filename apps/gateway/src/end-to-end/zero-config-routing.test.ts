import { createAnthropicAdapter } from '@switchyard/provider-anthropic';
import { startFakeAnthropicUpstream, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

// The router serves every request: these gateways have no `routing:` section unless a test says so.
const upstreamKey = 'sk-upstream-zero-config';
let openai: FakeOpenAIUpstream;
let backup: FakeOpenAIUpstream;
let gateway: TestGateway | undefined;

beforeAll(async () => {
  openai = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
  backup = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
});
afterAll(async () => {
  await openai.close();
  await backup.close();
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const calls = (upstream: FakeOpenAIUpstream): number => upstream.requests.filter((request) => request.method === 'POST').length;

/** A gateway with its own in-process cooldowns (no REDIS_URL), and a client that never retries by itself. */
async function start(config: Record<string, unknown> = {}): Promise<OpenAI> {
  gateway = await startTestGateway({
    environment: {},
    config: { providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: openai.url } }, ...config },
  });
  openai.requests.length = 0;
  backup.requests.length = 0;
  return new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}

describe('a gateway without a routing: section routes every request', () => {
  it('retries a 503 on the same deployment, succeeds, and reports the provider and deployment', async () => {
    const client = await start();
    openai.enqueue({ kind: 'error', status: 503 });
    const { data, response } = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hello' }).withResponse();
    expect(data.status).toBe('completed');
    expect(calls(openai)).toBe(2);
    expect(response.headers.get('x-switchyard-provider')).toBe('openai');
    expect(response.headers.get('x-switchyard-deployment')).toBe('openai/gpt-4o-mini');
  });

  it('after its own retries, tells the SDK not to retry on top (x-should-retry: false)', async () => {
    await start();
    const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway?.url}/v1` }); // the SDK's default two retries
    openai.enqueue({ kind: 'error', status: 503 }, { times: 3 });
    const error = await rejectionOf(client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hello' }));
    expect(error).toMatchObject({ status: 503 });
    expect((error as { headers: Headers }).headers.get('x-should-retry')).toBe('false');
    // The gateway's three attempts, and no SDK retry (a fourth call would have been answered).
    expect(calls(openai)).toBe(3);
  });

  it('retries a 503 before the first chunk of a chat stream', async () => {
    const client = await start();
    openai.enqueue({ kind: 'error', status: 503 });
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true })
      .withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).not.toBe('');
    expect(calls(openai)).toBe(2);
    expect(response.headers.get('x-switchyard-deployment')).toBe('openai/gpt-4o-mini');
  });

  it('routes a provider/model the built-in table does not know', async () => {
    const client = await start();
    openai.enqueue({ kind: 'error', status: 500 });
    const { data, response } = await client.responses.create({ model: 'openai/switchyard-unlisted-model', input: 'Hello' }).withResponse();
    expect(data.status).toBe('completed');
    expect(calls(openai)).toBe(2);
    expect(response.headers.get('x-switchyard-deployment')).toBe('openai/switchyard-unlisted-model');
  });

  it('returns a 429 whose Retry-After is too long to wait for at once, with its Retry-After, after one upstream call', async () => {
    const client = await start();
    openai.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '30', 'retry-after-ms': '30000' } });
    const error = await rejectionOf(client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hello' }));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (error as InstanceType<typeof OpenAI.RateLimitError>).headers;
    expect(headers.get('retry-after')).toBe('30');
    expect(headers.get('retry-after-ms')).toBe('30000');
    expect(calls(openai)).toBe(1);
  });

  it('still attempts a single deployment that a burst of 429s cooled down', async () => {
    const client = await start({ routing: { retry: { max_retries: 0 } } });
    for (let index = 0; index < 3; index += 1) {
      openai.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '1' } });
      await expect(client.responses.create({ model: 'openai/gpt-4o', input: 'Hello' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    }
    const { data, response } = await client.responses.create({ model: 'openai/gpt-4o', input: 'Hello' }).withResponse();
    expect(data.status).toBe('completed');
    expect(response.headers.get('x-switchyard-deployment')).toBe('openai/gpt-4o');
    expect(calls(openai)).toBe(4);
  });
});

describe('a translating adapter without a routing: section', () => {
  it('has an overloaded Anthropic (529) retried before the first byte of a Responses stream', async () => {
    const apiKey = 'sk-ant-zero-config';
    const upstream = await startFakeAnthropicUpstream({ apiKey });
    const anthropic = createAnthropicAdapter({ apiKey, baseURL: upstream.url });
    try {
      gateway = await startTestGateway({ environment: {}, adapters: { anthropic } });
      const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
      upstream.enqueue({ kind: 'error', status: 529 });
      const model = 'anthropic/claude-sonnet-4-5-20250929';
      const { data: stream, response } = await client.responses.create({ model, input: 'Hi', stream: true, store: false }).withResponse();
      const types: string[] = [];
      for await (const event of stream) types.push(event.type);
      expect(types.at(-1)).toBe('response.completed');
      expect(types).not.toContain('error');
      expect(upstream.requests.filter((request) => request.path === '/v1/messages')).toHaveLength(2);
      expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
      expect(response.headers.get('x-switchyard-deployment')).toBe(model);
    } finally {
      await gateway?.close();
      gateway = undefined;
      await upstream.close();
    }
  });
});

describe('the router is passed explicitly to model resolution', () => {
  const aliased = () => ({
    providers: {
      openai: { type: 'openai', api_key: upstreamKey, base_url: openai.url },
      backup: { type: 'openai', api_key: upstreamKey, base_url: backup.url },
    },
    routing: {
      retry: { max_retries: 0 },
      deployments: [{ name: 'backup-mini', provider: 'backup', model: 'gpt-4o-mini' }],
      aliases: { fast: { deployments: ['backup-mini'], fallbacks: ['openai/gpt-4o-mini'] } },
    },
  });

  it('resolves an alias on /v1/responses, /v1/responses/input_tokens and a follow-up turn', async () => {
    const client = await start(aliased());
    const { data: first, response } = await client.responses.create({ model: 'fast', input: 'Hello' }).withResponse();
    expect(first.status).toBe('completed');
    expect(response.headers.get('x-switchyard-deployment')).toBe('backup-mini');
    const second = await client.responses.create({ model: 'fast', input: 'And again', previous_response_id: first.id });
    expect(second.status).toBe('completed');
    const counted = await client.responses.inputTokens.count({ model: 'fast', input: 'How many tokens is this?' });
    expect(counted.input_tokens).toBeGreaterThan(0);
    expect(calls(backup)).toBeGreaterThanOrEqual(2);
    expect(calls(openai)).toBe(0);
  });

  describe('a wildcard allow-list: admission, routing fallbacks and /v1/models agree', () => {
    async function keyClient(client: OpenAI, allowedModels: readonly string[]): Promise<OpenAI> {
      const created = await client.post<{ key: string }>('/admin/keys', {
        body: { name: 'wildcard', tenant: `acme-${allowedModels.join('-')}`, allowed_models: allowedModels },
      });
      return new OpenAI({ apiKey: created.key, baseURL: `${gateway!.url}/v1`, maxRetries: 0 });
    }

    it('openai/* admits every OpenAI model and refuses the others', async () => {
      const limited = await keyClient(await start(aliased()), ['openai/*']);
      await expect(limited.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hi' })).resolves.toMatchObject({ status: 'completed' });
      await expect(limited.responses.create({ model: 'openai/switchyard-unlisted-model', input: 'Hi' })).resolves.toMatchObject({ status: 'completed' });
      for (const model of ['backup/gpt-4o-mini', 'fast', 'backup-mini']) {
        const error = await rejectionOf(limited.responses.create({ model, input: 'Hi' }));
        expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
        expect((error as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('model_not_allowed');
      }
      const ids = (await limited.models.list()).data.map((model) => model.id);
      expect(ids).toContain('openai/gpt-4o-mini');
      expect(ids.every((id) => id.startsWith('openai/'))).toBe(true);
      await expect(limited.models.retrieve('openai/gpt-4o-mini')).resolves.toMatchObject({ id: 'openai/gpt-4o-mini' });
      await expect(limited.models.retrieve('backup/gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(limited.models.retrieve('fast')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it("an alias's fallback runs only when the allow-list admits the fallback model", async () => {
      const client = await start(aliased());
      const aliasOnly = await keyClient(client, ['fast']);
      const aliasAndOpenai = await keyClient(client, ['fast', 'openai/*']);

      backup.enqueue({ kind: 'error', status: 500 });
      await expect(aliasOnly.responses.create({ model: 'fast', input: 'Hi' })).rejects.toBeInstanceOf(OpenAI.InternalServerError);
      expect(calls(openai)).toBe(0);
      expect((await aliasOnly.models.list()).data.map((model) => model.id)).toEqual(['fast']);

      backup.enqueue({ kind: 'error', status: 500 });
      const { data, response } = await aliasAndOpenai.responses.create({ model: 'fast', input: 'Hi' }).withResponse();
      expect(data.status).toBe('completed');
      expect(response.headers.get('x-switchyard-provider')).toBe('openai');
      expect(calls(openai)).toBe(1);
      const listed = (await aliasAndOpenai.models.list()).data.map((model) => model.id);
      expect(listed).toEqual(expect.arrayContaining(['fast', 'openai/gpt-4o-mini']));
      expect(listed.some((id) => id.startsWith('backup/'))).toBe(false);
    });
  });
});
