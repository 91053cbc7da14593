import { UpstreamError, type AdapterContext, type ProviderAdapter } from '@switchyard/core';
import { parseSseText } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorization, startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

/**
 * A scripted stand-in adapter (NOT a provider): the upstream model name picks the behaviour, so
 * these tests pin the gateway's SSE writing rules independently of any real adapter.
 */
const seenSignals: AbortSignal[] = [];
let lastInputHeaders: unknown;

function event(type: string, sequence_number: number): Record<string, unknown> {
  return { type, sequence_number };
}

async function* scriptedEvents(context: AdapterContext): AsyncGenerator<Record<string, unknown>> {
  seenSignals.push(context.signal);
  if (context.upstreamModel === 'fail-before') {
    throw new UpstreamError({ provider: 'scripted', upstreamStatus: 429, message: 'Rate limit reached.', code: 'rate_limit_exceeded', responseHeaders: { 'retry-after': '7' } });
  }
  yield event('response.created', 0);
  yield event('response.in_progress', 1);
  if (context.upstreamModel === 'fail-before-output') {
    throw new UpstreamError({ provider: 'scripted', upstreamStatus: 500, message: 'The upstream failed.' });
  }
  yield event('response.output_text.delta', 2);
  if (context.upstreamModel === 'fail-after') {
    throw new UpstreamError({ provider: 'scripted', upstreamStatus: 500, message: 'The upstream failed.' });
  }
  if (context.upstreamModel === 'endless') {
    for (let index = 3; !context.signal.aborted; index += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      yield event('response.output_text.delta', index);
    }
    return;
  }
  yield event('response.completed', 3);
}

const scripted: ProviderAdapter = {
  provider: 'scripted',
  operations: {
    createResponse: async (input, context) => {
      lastInputHeaders = input.headers;
      if (context.upstreamModel === 'warn') {
        context.warnings.push({ type: 'unsupported-parameter', parameter: 'top_logprobs', message: 'top_logprobs is not supported by this provider.' });
        context.warnings.push({ type: 'other', message: 'Température ignorée' });
        return { id: 'resp_1', object: 'response', model: input.body.model } as never;
      }
      return scriptedEvents(context) as never;
    },
    createChatCompletion: async (_input, context) =>
      (async function* () {
        // Output (text) went out first: the error can no longer be a JSON answer or a fallback.
        yield { id: 'c1', object: 'chat.completion.chunk', created: 1, model: context.upstreamModel, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] };
        throw new UpstreamError({ provider: 'scripted', upstreamStatus: 502, message: 'Connection reset.' });
      })() as never,
  },
};

let gateway: TestGateway;
beforeAll(async () => {
  // The SSE writing rules are under test: a failed attempt is not retried by the gateway's router.
  gateway = await startTestGateway({ adapters: { scripted }, config: { routing: { retry: { max_retries: 0 } } } });
});
afterAll(() => gateway.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { ...authorization, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('streaming', () => {
  it('an error before the first event is a normal JSON error with its status and Retry-After', async () => {
    const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const error = await client.responses.create({ model: 'scripted/fail-before', input: 'hi', stream: true }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.headers.get('retry-after')).toBe('7');
    expect(rateLimit.headers.get('x-request-id')).toMatch(/^req_/);
    expect(rateLimit.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
  });

  it('writes Responses events as they come with SSE headers', async () => {
    const response = await post('/v1/responses', { model: 'scripted/ok', input: 'hi', stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const records = parseSseText(await response.text());
    expect(records.map((record) => record.event)).toEqual(['response.created', 'response.in_progress', 'response.output_text.delta', 'response.completed']);
  });

  it('an error after the first event becomes a terminal error event numbered after the last', async () => {
    const response = await post('/v1/responses', { model: 'scripted/fail-after', input: 'hi', stream: true });
    expect(response.status).toBe(200);
    const records = parseSseText(await response.text());
    expect(records.map((record) => record.event)).toEqual(['response.created', 'response.in_progress', 'response.output_text.delta', 'error']);
    expect(JSON.parse(records[3]!.data)).toEqual({ type: 'error', code: null, message: 'The upstream failed.', param: null, sequence_number: 3 });
  });

  it('an error after the preamble but before any output is still a JSON error (nothing reached the client yet)', async () => {
    const response = await post('/v1/responses', { model: 'scripted/fail-before-output', input: 'hi', stream: true });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error: { message: 'The upstream failed.' } });
  });

  it('a chat stream error after the first output chunk is a data error frame without [DONE]', async () => {
    const response = await post('/v1/chat/completions', { model: 'scripted/m', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const text = await response.text();
    const records = parseSseText(text);
    expect(records).toHaveLength(2);
    expect(JSON.parse(records[1]!.data)).toEqual({ error: { message: 'Connection reset.', type: 'server_error', param: null, code: null } });
    expect(text).not.toContain('[DONE]');
  });

  it('a client disconnect aborts the signal handed to the adapter', async () => {
    const controller = new AbortController();
    seenSignals.length = 0;
    const response = await post('/v1/responses', { model: 'scripted/endless', input: 'hi', stream: true }, {}, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const [signal] = seenSignals;
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
  });
});

describe('warnings', () => {
  it('are returned in x-switchyard-warnings as an ASCII-safe JSON array', async () => {
    const response = await post('/v1/responses', { model: 'scripted/warn', input: 'hi' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model: 'warn' });
    // Adapters never see the client's key: only the headers the contract declares.
    expect(lastInputHeaders).toEqual({});
    const warnings = JSON.parse(response.headers.get('x-switchyard-warnings') ?? 'null') as unknown;
    expect(warnings).toEqual([
      { type: 'unsupported-parameter', parameter: 'top_logprobs', message: 'top_logprobs is not supported by this provider.' },
      { type: 'other', message: 'Température ignorée' },
    ]);
  });

  it('turn into a 400 naming the parameter with x-switchyard-strict: true', async () => {
    const response = await post('/v1/responses', { model: 'scripted/warn', input: 'hi' }, { 'x-switchyard-strict': 'true' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'unsupported_parameter', param: 'top_logprobs' } });
    expect(lastInputHeaders).toEqual({ 'x-switchyard-strict': 'true' });
  });
});
