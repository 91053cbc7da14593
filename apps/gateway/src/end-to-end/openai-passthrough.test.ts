import {
  checkChatCompletionStream,
  checkResponsesStream,
  readSseEvents,
  startFakeOpenAIUpstream,
  type FakeOpenAIUpstream,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const upstreamKey = 'sk-upstream-secret-e2e';
let upstream: FakeOpenAIUpstream;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream({ apiKey: upstreamKey });
  // These tests check how one upstream failure reaches the client, so the gateway does not retry it
  // (the router's retries: zero-config-routing.test.ts, routing-fallbacks.test.ts).
  gateway = await startTestGateway({
    config: {
      providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url, models: ['gpt-4o'] } },
      routing: { retry: { max_retries: 0 } },
    },
  });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});
afterEach(() => {
  upstream.requests.length = 0;
});

describe('Responses through the OpenAI passthrough adapter', () => {
  it('responses.create answers and sends the upstream model id', async () => {
    const response = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Say hello' });
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(0);
    const sent = upstream.requests.find((request) => request.path === '/v1/responses');
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', input: 'Say hello' });
    expect(sent?.headers.authorization).toBe(`Bearer ${upstreamKey}`);
  });

  it('responses.stream() accumulates a valid event sequence', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model: 'openai/gpt-4o-mini', input: 'Tell me a story' });
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    expect(final.status).toBe('completed');
    expect(final.output_text.length).toBeGreaterThan(0);
    checkResponsesStream(events);
  });

  it('retrieves and deletes a stored response through the only provider that has them', async () => {
    const created = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Remember me' });
    const fetched = await client.responses.retrieve(created.id);
    expect(fetched.id).toBe(created.id);
    const deleted = await client.responses.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('stored responses through the OpenAI passthrough adapter', () => {
  it('replays a stored background response as a stream from a cursor', async () => {
    const created = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Replay me', stream: true, background: true });
    const original: Array<{ type: string; sequence_number: number }> = [];
    for await (const event of created) original.push(event);
    const first = original[0] as unknown as { response: { id: string } };
    const replay = await client.responses.retrieve(first.response.id, { stream: true, starting_after: 1 });
    const replayed: Array<{ type: string; sequence_number: number }> = [];
    for await (const event of replay) replayed.push(event);
    expect(replayed.map((event) => event.sequence_number)).toEqual(original.slice(2).map((event) => event.sequence_number));
    expect(replayed.at(-1)?.type).toBe('response.completed');
  });

  it('lists input items and cancels a background response', async () => {
    const created = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'Background work', background: true });
    const items = await client.responses.inputItems.list(created.id);
    expect(items.data.length).toBeGreaterThan(0);
    const cancelled = await client.responses.cancel(created.id);
    expect(cancelled.id).toBe(created.id);
    expect(['cancelled', 'completed']).toContain(cancelled.status);
  });
});

describe('Chat Completions through the OpenAI passthrough adapter', () => {
  it('chat.completions.create answers', async () => {
    const completion = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it('streams chunks with include_usage and ends with [DONE]', async () => {
    const request = {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Hi' }],
      stream: true as const,
      stream_options: { include_usage: true },
    };
    // The SDK's own parser, as an application uses it.
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of await client.chat.completions.create(request)) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
    // The raw wire (including `data: [DONE]`) through the stream checker.
    const raw = await client.chat.completions.create(request).asResponse();
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    const records = [];
    for await (const record of readSseEvents(raw.body!)) records.push(record);
    checkChatCompletionStream(records, { includeUsage: true });
    expect(records.at(-1)?.data).toBe('[DONE]');
  });
});

describe('models', () => {
  it('lists configured and upstream models as provider/model', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) {
      expect(model.owned_by).toBe('openai');
      ids.push(model.id);
    }
    expect(ids).toContain('openai/gpt-4o');
    expect(ids).toContain('openai/gpt-4o-mini');
  });

  it('retrieves one model by its encoded id', async () => {
    const model = await client.models.retrieve('openai/gpt-4o-mini');
    expect(model).toMatchObject({ id: 'openai/gpt-4o-mini', object: 'model', owned_by: 'openai' });
    await expect(client.models.retrieve('openai/no-such-model')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('upstream failures', () => {
  it('maps an upstream 429 with Retry-After', async () => {
    upstream.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '3' } });
    const error = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'hi' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.headers.get('retry-after')).toBe('3');
    expect(rateLimit.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('maps an upstream 500 without leaking the upstream URL or key', async () => {
    upstream.enqueue({ kind: 'error', status: 500 });
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    const serverError = error as InstanceType<typeof OpenAI.InternalServerError>;
    expect(serverError.status).toBe(500);
    const text = JSON.stringify(serverError.error);
    expect(text).not.toContain(upstreamKey);
    expect(text).not.toContain(upstream.url);
  });

  it('a client disconnect mid-stream aborts the upstream request', async () => {
    upstream.enqueue({ kind: 'slow-stream', intervalMs: 40 });
    const controller = new AbortController();
    const stream = await client.responses.create({ model: 'openai/gpt-4o-mini', input: 'long story', stream: true }, { signal: controller.signal });
    for await (const event of stream) {
      expect(event.type).toBe('response.created');
      controller.abort();
      break;
    }
    const abort = await upstream.waitForClientAbort({ timeoutMs: 5000 });
    expect(abort).toMatchObject({ method: 'POST', path: '/v1/responses', streaming: true });
  });
});

describe('graceful shutdown with a real stream', () => {
  it('lets an in-flight stream finish before closing', async () => {
    const own = await startTestGateway({
      config: { providers: { openai: { type: 'openai', api_key: upstreamKey, base_url: upstream.url } } },
    });
    const ownClient = new OpenAI({ apiKey: testMasterKey, baseURL: `${own.url}/v1`, maxRetries: 0 });
    upstream.enqueue({ kind: 'slow-stream', intervalMs: 15 });
    const stream = await ownClient.responses.create({ model: 'openai/gpt-4o-mini', input: 'a story', stream: true });
    const events: unknown[] = [];
    let closing: Promise<void> | undefined;
    for await (const event of stream) {
      events.push(event);
      closing ??= own.close();
    }
    await closing;
    checkResponsesStream(events);
    expect(events.at(-1)).toMatchObject({ type: 'response.completed' });
  });
});
