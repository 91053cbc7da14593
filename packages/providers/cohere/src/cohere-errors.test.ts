import type { ResponseStreamEvent } from '@switchyard/contract';
import { GatewayError, createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse } from '@switchyard/core';
import { checkResponsesStream, startFakeCohereUpstream, type FakeCohereUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohereAdapter, type CohereAdapter } from './index.js';
import { endpoints, runThrough, serveContext } from './test-support/run-through-endpoints.js';

const key = 'co-secret-key-0123456789';
let fake: FakeCohereUpstream;
let adapter: CohereAdapter;
beforeAll(async () => {
  fake = await startFakeCohereUpstream({ apiKey: key });
  adapter = createCohereAdapter({ apiKey: key, baseURL: fake.url });
});
afterAll(async () => {
  await adapter.close();
  await fake.close();
});

const hello = { responses: { input: 'Hello' }, chat: { messages: [{ role: 'user' as const, content: 'Hello' }] } };
const responseOptions = () => ({ responseId: 'resp_test', createdAt: 1_700_000_000, model: 'cohere/command-a-03-2025', generateId: createSequentialIdGenerator() });

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe('upstream errors before any output are thrown with the right status', () => {
  const table = [
    { status: 400, expected: { status: 400, type: 'invalid_request_error', isRetryable: false } },
    { status: 401, expected: { status: 401, type: 'authentication_error', isRetryable: false } },
    { status: 402, expected: { status: 402, type: 'insufficient_quota', code: 'insufficient_quota', isRetryable: false } },
    { status: 404, expected: { status: 404, type: 'invalid_request_error', isRetryable: false } },
    { status: 429, expected: { status: 429, type: 'rate_limit_error', isRetryable: true, headers: { 'retry-after': '1' } } },
    { status: 499, expected: { status: 499, type: 'invalid_request_error', code: 'request_cancelled', isRetryable: false } },
    { status: 500, expected: { status: 500, type: 'server_error', isRetryable: true } },
    { status: 503, expected: { status: 503, type: 'service_unavailable', isRetryable: true } },
  ];
  describe.each(endpoints)('%s', (endpoint) => {
    it.each(table)('Cohere $status', async ({ status, expected }) => {
      fake.enqueue({ kind: 'error', status });
      const failure = await runThrough(adapter, endpoint, hello, serveContext('command-a-03-2025')).catch((error: unknown) => error);
      expect(GatewayError.isInstance(failure)).toBe(true);
      expect(failure).toMatchObject(expected);
      expect((failure as Error).message).toMatch(new RegExp(`^cohere answered ${status}: `));
    });
  });

  it('never puts the API key in the message, even when the upstream echoes it', async () => {
    fake.enqueue({ kind: 'error', status: 401, body: { id: 'x', message: `invalid api token ${key}` } });
    const failure = (await runThrough(adapter, 'responses-json', hello, serveContext('command-a-03-2025')).catch((error: unknown) => error)) as GatewayError;
    expect(failure.status).toBe(401);
    expect(failure.message).not.toContain(key);
    expect(JSON.stringify(failure.toEnvelope())).not.toContain(key);
  });

  it('a wrong key gives Cohere 401 without the key in the message', async () => {
    const wrong = createCohereAdapter({ apiKey: 'co-wrong-key-9876543210', baseURL: fake.url });
    const failure = (await runThrough(wrong, 'chat-stream', hello, serveContext('command-a-03-2025')).catch((error: unknown) => error)) as GatewayError;
    await wrong.close();
    expect(failure).toMatchObject({ status: 401, message: 'cohere answered 401: invalid api token' });
  });

  it('a redirect is not followed', async () => {
    fake.enqueue({ kind: 'redirect', location: 'http://127.0.0.1:9/steal' });
    await expect(runThrough(adapter, 'responses-json', hello, serveContext('command-a-03-2025'))).rejects.toMatchObject({ status: 502, code: 'upstream_redirect' });
  });

  it('message-end with ERROR before any output is thrown (retryable), not streamed', async () => {
    fake.enqueue({
      kind: 'reply',
      sse: [
        { event: 'message-start', data: { id: 'm1', type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } } },
        { event: 'message-end', data: { type: 'message-end', delta: { finish_reason: 'ERROR', error: 'model overloaded' } } },
        { data: '[DONE]' },
      ],
    });
    await expect(runThrough(adapter, 'responses-stream', hello, serveContext('command-a-03-2025'))).rejects.toMatchObject({
      status: 500,
      isRetryable: true,
      message: 'cohere ended the generation with ERROR: model overloaded',
    });
  });

  it('a non-streamed finish_reason ERROR without output is thrown', async () => {
    fake.enqueue({ kind: 'reply', json: { id: 'm2', finish_reason: 'ERROR', message: { role: 'assistant' } } });
    await expect(runThrough(adapter, 'chat-json', hello, serveContext('command-a-03-2025'))).rejects.toMatchObject({ status: 500, isRetryable: true });
  });
});

describe('failures after output began end the stream with an error', () => {
  it('a mid-stream message-end ERROR gives response.failed on /v1/responses', async () => {
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 4, answer: { text: 'This answer will break in the middle' } });
    const result = await serveCreateResponse(adapter, { body: { model: 'cohere/command-a-03-2025', input: 'Hello', stream: true } }, serveContext('command-a-03-2025'), responseOptions());
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    const last = events.at(-1);
    expect(last?.type).toBe('response.failed');
    expect(last?.type === 'response.failed' && last.response.error).toMatchObject({ message: expect.stringContaining('ERROR: internal server error') });
    expect(events.some((event) => event.type === 'response.output_text.delta')).toBe(true);
  });

  it('a dropped connection mid-stream ends the chat stream with an error after the first chunks', async () => {
    // Frames spaced out, so the ones before the cut reach the adapter before the connection drops.
    const spaced = await startFakeCohereUpstream({ chunkIntervalMs: 10 });
    const spacedAdapter = createCohereAdapter({ apiKey: key, baseURL: spaced.url });
    spaced.enqueue({ kind: 'cut-mid-stream', afterEvents: 4, answer: { text: 'This answer will be cut in the middle' } });
    const result = await serveCreateChatCompletion(
      spacedAdapter,
      { body: { model: 'cohere/command-a-03-2025', messages: [{ role: 'user', content: 'Hello' }], stream: true } },
      serveContext('command-a-03-2025'),
      { id: 'chatcmpl-test', created: 1, model: 'cohere/command-a-03-2025' },
    );
    const chunks: unknown[] = [];
    const failure = await (async () => {
      for await (const chunk of result as AsyncIterable<unknown>) chunks.push(chunk);
    })().catch((error: unknown) => error);
    await spacedAdapter.close();
    await spaced.close();
    expect(chunks.length).toBeGreaterThan(0);
    expect(GatewayError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 502, isRetryable: true });
  });

  it('a stream that ends without message-end is an error, not a silent finish', async () => {
    fake.enqueue({
      kind: 'reply',
      sse: [
        { event: 'message-start', data: { id: 'm3', type: 'message-start', delta: { message: { role: 'assistant' } } } },
        { event: 'content-start', data: { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } } },
        { event: 'content-delta', data: { type: 'content-delta', index: 0, delta: { message: { content: { text: 'Half' } } } } },
      ],
    });
    const result = await serveCreateResponse(adapter, { body: { model: 'cohere/command-a-03-2025', input: 'Hello', stream: true } }, serveContext('command-a-03-2025'), responseOptions());
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(events.at(-1)).toMatchObject({ type: 'response.failed', response: { error: { message: 'cohere stream ended before message-end.' } } });
  });

  it('a client abort closes the upstream stream', async () => {
    fake.enqueue({ kind: 'slow-stream', intervalMs: 50, answer: { text: 'one two three four five six seven eight nine ten' } });
    const controller = new AbortController();
    const result = await serveCreateResponse(
      adapter,
      { body: { model: 'cohere/command-a-03-2025', input: 'Hello', stream: true } },
      serveContext('command-a-03-2025', { signal: controller.signal }),
      responseOptions(),
    );
    const abort = fake.waitForClientAbort();
    for await (const event of result as AsyncIterable<ResponseStreamEvent>) {
      if (event.type === 'response.output_text.delta') {
        controller.abort();
        break;
      }
    }
    await expect(abort).resolves.toMatchObject({ path: '/v2/chat', streaming: true });
  });
});
