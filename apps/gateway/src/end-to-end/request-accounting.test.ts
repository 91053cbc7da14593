import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

interface UsageRow {
  group: string | null;
  requests: number;
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

const upstreamKey = 'sk-upstream-accounting-e2e';
let upstream: FakeOpenAIUpstream;
let gateway: TestGateway;
let master: OpenAI;

function clientWith(apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
}

async function createKey(body: Record<string, unknown>): Promise<{ id: string; key: string }> {
  return master.post<{ id: string; key: string }>('/admin/keys', { body });
}

async function usageOfKey(keyId: string): Promise<UsageRow | undefined> {
  const report = await master.get<{ data: UsageRow[] }>('/admin/usage', { query: { group_by: 'key' } });
  return report.data.find((row) => row.group === keyId);
}

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
  gateway = await startTestGateway({ config: { providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url } } } });
  master = clientWith(testMasterKey);
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('accounting in the request path', () => {
  it('records one request row per request whose totals equal the usage the upstream reported', async () => {
    const created = await createKey({ name: 'ledger', tenant: 'acme-ledger' });
    const client = clientWith(created.key);
    let input = 0;
    let output = 0;
    let headerCost = 0;

    const { data: first, response: raw } = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Say hello' }).withResponse();
    input += first.usage?.input_tokens ?? 0;
    output += first.usage?.output_tokens ?? 0;
    const cost = Number(raw.headers.get('x-switchyard-cost-usd'));
    // gpt-4o-mini in the built-in table: 0.15 USD per million input tokens, 0.60 per million output tokens.
    expect(cost).toBeCloseTo(((first.usage?.input_tokens ?? 0) * 0.15 + (first.usage?.output_tokens ?? 0) * 0.6) / 1_000_000, 8);
    headerCost += cost;

    const chat = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me a joke' }] });
    input += chat.usage?.prompt_tokens ?? 0;
    output += chat.usage?.completion_tokens ?? 0;

    const stream = client.responses.stream({ model: 'openai/gpt-4o-mini', input: 'Tell me a story' });
    for await (const event of stream) void event;
    const streamed = await stream.finalResponse();
    input += streamed.usage?.input_tokens ?? 0;
    output += streamed.usage?.output_tokens ?? 0;

    const chatStream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Count to five' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of chatStream) {
      input += chunk.usage?.prompt_tokens ?? 0;
      output += chunk.usage?.completion_tokens ?? 0;
    }

    expect(input).toBeGreaterThan(0);
    // Ledger rows are written after the answer went out.
    await expect.poll(async () => (await usageOfKey(created.id))?.requests).toBe(4);
    const row = await usageOfKey(created.id);
    expect(row).toMatchObject({ requests: 4, input_tokens: input, output_tokens: output });
    expect(row!.cost_usd).toBeGreaterThanOrEqual(headerCost);
    expect(row!.cost_usd).toBeCloseTo((input * 0.15 + output * 0.6) / 1_000_000, 8);
  });

  it('writes the ledger after the answer, and a gateway closing right after its last answer has written it', async () => {
    const created = await createKey({ name: 'shutdown', tenant: 'acme-shutdown' });
    const closing = await startTestGateway({ config: { providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url } } } });
    const client = new OpenAI({ apiKey: created.key, baseURL: `${closing.url}/v1`, maxRetries: 0 });
    await Promise.all([
      client.responses.create({ model: 'openai/gpt-4o-mini', input: 'one' }),
      client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'two' }] }),
    ]);
    await closing.close();
    // No polling: close() drained the pending ledger writes (the shared store stays open).
    expect(await usageOfKey(created.id)).toMatchObject({ requests: 2 });
  });

  it('bills a stream the client abandons (one request row, what was produced)', async () => {
    const created = await createKey({ name: 'abandon', tenant: 'acme-abandon' });
    const stream = await clientWith(created.key).responses.create({ model: 'openai/gpt-4o-mini', input: 'Write a long essay', stream: true });
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') break;
    }
    await expect.poll(async () => (await usageOfKey(created.id))?.requests, { timeout: 5000 }).toBe(1);
  });

  it('answers 429 with Retry-After and x-ratelimit-* headers over the key rpm', async () => {
    const created = await createKey({ name: 'limited', tenant: 'acme-limits', rpm: 2 });
    const client = clientWith(created.key);
    const { response: first } = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'one' }).withResponse();
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'two' });
    const refused = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'three' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error.code).toBe('rate_limit_exceeded');
    expect(Number(error.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(error.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d/);
  });

  it('answers 403 model_not_allowed for a model outside the key allow-list, before any upstream call', async () => {
    const created = await createKey({ name: 'allow-list', tenant: 'acme-allow', allowed_models: ['openai/gpt-4o'] });
    const before = upstream.requests.length;
    const refused = await clientWith(created.key).responses.create({ model: 'openai/gpt-4o-mini', input: 'hi' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((refused as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('model_not_allowed');
    expect(upstream.requests.length).toBe(before);
  });

  it('holds a small budget under concurrent requests: 402 budget_exceeded, overshoot bounded', async () => {
    const limitUsd = 0.005;
    const created = await createKey({ name: 'budget', tenant: 'acme-budget', budget: { limit_usd: limitUsd, period: 'daily' } });
    const client = clientWith(created.key);
    // Worst case per request: 1000 output tokens × 0.60 USD/M + the input estimate ≈ 0.0006 USD.
    // The fake holds every answer 500 ms, so all reservations overlap (real costs are far below).
    upstream.enqueue({ kind: 'delay', ms: 500 }, { times: 20 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        client.responses.create({ model: 'openai/gpt-4o-mini', input: `request ${index}`, max_output_tokens: 1000 }).then(
          () => 'admitted' as const,
          (error: unknown) => error,
        ),
      ),
    );
    const admitted = outcomes.filter((outcome) => outcome === 'admitted').length;
    const refused = outcomes.filter((outcome) => outcome !== 'admitted');
    expect(admitted).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error).toBeInstanceOf(OpenAI.APIError);
      const apiError = error as InstanceType<typeof OpenAI.APIError>;
      expect(apiError.status).toBe(402);
      expect(apiError.code).toBe('budget_exceeded');
      expect(apiError.headers?.get('x-should-retry')).toBe('false');
    }
    // Strict admission: the admitted worst cases fit in the budget, so what was spent does too.
    await expect.poll(async () => (await usageOfKey(created.id))?.requests).toBe(admitted);
    const row = await usageOfKey(created.id);
    expect(row!.cost_usd).toBeLessThanOrEqual(limitUsd);
    console.info(`budget ${limitUsd} USD, 20 concurrent requests: ${admitted} admitted, spent ${row!.cost_usd} USD`);
  });
});
