import { randomUUID } from 'node:crypto';
import { missingServiceMessage, serviceSetting, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceStorage, type ServiceStorage } from '../test-support/service-storage.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const postgres = serviceSetting('PostgreSQL', 'DATABASE_URL', 'gateway routing-cross-instance');
const redis = serviceSetting('Redis', 'REDIS_URL', 'gateway routing-cross-instance');
const missing = [postgres, redis].filter((setting) => setting.url === undefined);

describe.runIf(missing.length > 0 && postgres.required)('two gateways sharing PostgreSQL and Redis', () => {
  it('are required', () => {
    throw new Error(missing.map(missingServiceMessage).join(' '));
  });
});

describe.runIf(missing.length === 0)('two gateways sharing PostgreSQL and Redis', () => {
  const upstreamKey = 'sk-upstream-cross-instance';
  // Cooldowns live in Redis under deployment names: fresh names keep runs apart.
  const suffix = randomUUID().slice(0, 8);
  const east = `east-${suffix}`;
  const west = `west-${suffix}`;
  let services: ServiceStorage;
  let upstreams: { east: FakeOpenAIUpstream; west: FakeOpenAIUpstream };
  let gateways: TestGateway[] = [];
  let sharedConfig: Record<string, unknown>;

  beforeAll(async () => {
    services = await createServiceStorage({ databaseUrl: postgres.url!, redisUrl: redis.url! });
    upstreams = { east: await startFakeOpenAIUpstream({ apiKey: upstreamKey }), west: await startFakeOpenAIUpstream({ apiKey: upstreamKey }) };
    sharedConfig = {
      providers: {
        east: { type: 'openai', api_key: upstreamKey, base_url: upstreams.east.url },
        west: { type: 'openai', api_key: upstreamKey, base_url: upstreams.west.url },
      },
      routing: {
        retry: { max_retries: 0 },
        cooldown: { allowed_fails: 2, window_ms: 60_000, cooldown_ms: 60_000 },
        deployments: [
          { name: east, provider: 'east', model: 'gpt-4o-mini', prices: { input: 0.1, output: 0.2 } },
          { name: west, provider: 'west', model: 'gpt-4o-mini', prices: { input: 0.5, output: 1 } },
        ],
        aliases: { pair: [east, west] },
      },
    };
    gateways = [
      await startTestGateway({ config: sharedConfig, storage: await services.storage(), environment: { REDIS_URL: redis.url! } }),
      await startTestGateway({ config: sharedConfig, storage: await services.storage(), environment: { REDIS_URL: redis.url! } }),
    ];
  }, 60_000);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await upstreams?.east.close();
    await upstreams?.west.close();
    await services?.dispose();
  });

  const clientOf = (index: number, apiKey = testMasterKey) => new OpenAI({ apiKey, baseURL: `${gateways[index]!.url}/v1`, maxRetries: 0 });
  const generations = (upstream: FakeOpenAIUpstream) => upstream.requests.filter((request) => request.method === 'POST').length;

  it("a virtual key's rpm limit holds across both instances: the 4th request on either is a 429 with Retry-After and x-ratelimit-*", async () => {
    const created = await clientOf(0).post<{ key: string }>('/admin/keys', { body: { name: 'shared-rpm', tenant: `acme-cross-${suffix}`, rpm: 3 } });
    const ask = (index: number) => clientOf(index, created.key).responses.create({ model: 'pair', input: 'Hi' }).withResponse();
    const remaining: Array<string | null> = [];
    for (const index of [0, 1, 0]) remaining.push((await ask(index)).response.headers.get('x-ratelimit-remaining-requests'));
    expect(remaining).toEqual(['2', '1', '0']);
    for (const index of [1, 0]) {
      const refused = await ask(index).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
      const headers = (refused as InstanceType<typeof OpenAI.RateLimitError>).headers;
      expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(headers.get('x-ratelimit-limit-requests')).toBe('3');
      expect(headers.get('x-ratelimit-remaining-requests')).toBe('0');
      expect(headers.get('x-ratelimit-reset-requests')).toMatch(/^\d/);
    }
  });

  it('a deployment cooled down by the failures instance 1 saw is skipped by instance 2', async () => {
    const byPrice = { provider: { sort: 'price' } } as Record<string, unknown>;
    upstreams.east.enqueue({ kind: 'error', status: 500 }, { times: 2 });
    for (let request = 0; request < 2; request += 1) {
      const { response } = await clientOf(0).responses.create({ model: 'pair', input: 'Hi', ...byPrice } as OpenAI.Responses.ResponseCreateParamsNonStreaming).withResponse();
      expect(response.headers.get('x-switchyard-deployment')).toBe(west);
    }
    const eastBefore = generations(upstreams.east);
    const { response } = await clientOf(1).chat.completions
      .create({ model: 'pair', messages: [{ role: 'user', content: 'Hi' }], ...byPrice } as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming)
      .withResponse();
    expect(response.headers.get('x-switchyard-deployment')).toBe(west);
    expect(generations(upstreams.east)).toBe(eastBefore);
  });

  it('a gateway with another storage.redis_key_prefix on the same Redis shares nothing: it still tries the cooled deployment', async () => {
    const isolated = await startTestGateway({
      config: { ...sharedConfig, storage: { redis_key_prefix: `isolated-${suffix}:` } },
      storage: await services.storage(),
      environment: { REDIS_URL: redis.url! },
    });
    gateways.push(isolated);
    const eastBefore = generations(upstreams.east);
    const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${isolated.url}/v1`, maxRetries: 0 });
    const { response } = await client.responses
      .create({ model: 'pair', input: 'Hi', provider: { sort: 'price' } } as OpenAI.Responses.ResponseCreateParamsNonStreaming)
      .withResponse();
    expect(response.headers.get('x-switchyard-deployment')).toBe(east);
    expect(generations(upstreams.east)).toBe(eastBefore + 1);
  });
});
