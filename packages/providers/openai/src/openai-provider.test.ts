import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '@switchyard/core';
import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAIAdapter } from './create-openai-adapter-from-config.js';
import { createOpenAIAdapter } from './openai-provider.js';
import { asStream, createTestContext, rejectionOf } from './test-support/create-test-context.js';

const apiKey = 'sk-test-provider-0123456789abcdef';

let fake: FakeOpenAIUpstream;
let adapter: OpenAIAdapter;

beforeEach(async () => {
  fake = await startFakeOpenAIUpstream({ apiKey, models: ['gpt-4o-mini', 'o4-mini'] });
  adapter = createOpenAIAdapter({ apiKey, baseURL: fake.url });
});

afterEach(async () => {
  await adapter.close();
  await fake.close();
});

type ResponsesInput = Parameters<NonNullable<OpenAIAdapter['operations']['createResponse']>>[0];
const createResponse = (target: OpenAIAdapter, body: Record<string, unknown>, context = createTestContext()) => {
  const operation = target.operations.createResponse;
  if (operation === undefined) throw new Error('createResponse must be native');
  return operation({ body } as unknown as ResponsesInput, context);
};

describe('upstream errors keep their status', () => {
  it.each([
    [400, 400, 'invalid_request_error', false],
    // OpenAI labels its 401 `invalid_request_error`; a known upstream type is kept as sent.
    [401, 401, 'invalid_request_error', false],
    [403, 403, 'permission_error', false],
    [404, 404, 'invalid_request_error', false],
    [429, 429, 'rate_limit_error', true],
    [500, 500, 'server_error', true],
    [503, 503, 'server_error', true],
  ])('upstream %i → %i %s', async (upstream, status, type, retryable) => {
    fake.enqueue({ kind: 'error', status: upstream });
    const error = await rejectionOf(createResponse(adapter, { model: 'x', input: 'hi' }));
    expect(error).toBeInstanceOf(UpstreamError);
    const upstreamError = error as UpstreamError;
    expect([upstreamError.status, upstreamError.type, upstreamError.isRetryable]).toEqual([status, type, retryable]);
    expect(upstreamError.provider).toBe('openai');
  });

  it('keeps Retry-After and retry-after-ms on a 429', async () => {
    fake.enqueue({ kind: 'error', status: 429 });
    const error = (await rejectionOf(createResponse(adapter, { model: 'x', input: 'hi', stream: true }))) as UpstreamError;
    expect(error.headers).toEqual({ 'retry-after': '1', 'retry-after-ms': '1000' });
    expect(error.code).toBe('rate_limit_exceeded');
  });

  it('redacts the API key when the upstream echoes it back', async () => {
    fake.enqueue({
      kind: 'error',
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${apiKey}. Sent: Authorization: Bearer ${apiKey}`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
    });
    const error = (await rejectionOf(createResponse(adapter, { model: 'x', input: 'hi' }))) as UpstreamError;
    const everything = JSON.stringify({ message: error.message, body: error.responseBody, envelope: error.toEnvelope(), headers: error.headers, stack: error.stack });
    expect(everything).not.toContain(apiKey);
    expect(error.status).toBe(401);
  });

  it('a wrong key configured in the adapter gives the upstream 401, masked key redacted', async () => {
    const wrong = createOpenAIAdapter({ apiKey: 'sk-wrong-key-0000000000000000', baseURL: fake.url });
    try {
      const error = (await rejectionOf(createResponse(wrong, { model: 'x', input: 'hi' }))) as UpstreamError;
      expect([error.status, error.code]).toEqual([401, 'invalid_api_key']);
      expect(error.message).not.toMatch(/sk-wrong|0000$/);
    } finally {
      await wrong.close();
    }
  });
});

describe('transport', () => {
  it('connection refused → retryable 502', async () => {
    const closed = await startFakeOpenAIUpstream();
    const baseURL = closed.url;
    await closed.close();
    const unreachable = createOpenAIAdapter({ apiKey, baseURL });
    try {
      const error = (await rejectionOf(createResponse(unreachable, { model: 'x', input: 'hi' }))) as UpstreamError;
      expect([error.status, error.isRetryable, error.code]).toEqual([502, true, 'upstream_connection_error']);
    } finally {
      await unreachable.close();
    }
  });

  it('does not follow a redirect; the credential never reaches the other host', async () => {
    const elsewhere = await startFakeOpenAIUpstream();
    try {
      fake.enqueue({ kind: 'redirect', status: 307, location: `${elsewhere.url}/responses` });
      const error = (await rejectionOf(createResponse(adapter, { model: 'x', input: 'hi' }))) as UpstreamError;
      expect([error.status, error.code]).toEqual([502, 'upstream_redirect']);
      expect(error.message).not.toContain(elsewhere.origin);
      expect(elsewhere.requests).toHaveLength(0);
      expect(elsewhere.connections).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('aborting the context stops the relay and closes the upstream connection', async () => {
    fake.enqueue({ kind: 'slow-stream', intervalMs: 30, answer: { text: 'a b c d e f g h i j k l m n o p' } });
    const context = createTestContext();
    const stream = asStream<{ type: string }>(await createResponse(adapter, { model: 'x', input: 'hi', stream: true }, context));
    const seen: string[] = [];
    const error = await rejectionOf((async () => {
      for await (const event of stream) {
        seen.push(event.type);
        if (seen.length === 2) context.controller.abort(new Error('client disconnected'));
      }
    })());
    expect((error as Error).message).toBe('client disconnected');
    expect(seen).toHaveLength(2);
    const abort = await fake.waitForClientAbort({ timeoutMs: 5_000 });
    expect(abort).toMatchObject({ path: '/v1/responses', streaming: true });
    expect(abort.framesWritten).toBeLessThan(10);
  });
});

describe('connection reuse', () => {
  it('reads a stream to its end after the terminal event, so the connection is reused', async () => {
    let connections = 0;
    const frames = [
      { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', status: 'in_progress', output: [] } },
      { type: 'response.completed', sequence_number: 1, response: { id: 'resp_1', status: 'completed', output: [] } },
    ];
    // The body ends a little after the terminal event, as real upstreams may do.
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(frames.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));
        setTimeout(() => response.end(), 30);
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = createOpenAIAdapter({ apiKey, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
    try {
      for (let round = 0; round < 3; round += 1) {
        const events: unknown[] = [];
        for await (const event of asStream(await createResponse(local, { model: 'x', input: 'hi', stream: true }))) events.push(event);
        expect(events).toEqual(frames);
      }
      // Without reuse every round opens a socket (4 were seen); undici may open a second while releasing the first.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      await local.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('headers and models', () => {
  it('forwards the request id as x-client-request-id only when allowed and well-formed', async () => {
    await createResponse(adapter, { model: 'x', input: 'hi' }, createTestContext({ requestId: 'req_ok' }));
    await createResponse(adapter, { model: 'x', input: 'hi' }, createTestContext({ requestId: 'bad\nid' }));
    const silent = createOpenAIAdapter({ apiKey, baseURL: fake.url, forwardRequestId: false, headers: { 'x-custom': '1' } });
    try {
      await createResponse(silent, { model: 'x', input: 'hi' }, createTestContext({ requestId: 'req_ok' }));
    } finally {
      await silent.close();
    }
    expect(fake.requests.map((request) => request.headers['x-client-request-id'])).toEqual(['req_ok', undefined, undefined]);
    expect(fake.requests[2]?.headers['x-custom']).toBe('1');
    expect(fake.requests[0]?.headers['openai-organization']).toBeUndefined();
  });

  it('listModels returns the upstream ids', async () => {
    expect(await adapter.listModels?.({ signal: new AbortController().signal })).toEqual(['gpt-4o-mini', 'o4-mini']);
    expect(fake.requests.at(-1)?.path).toBe('/v1/models');
  });

  it('uses the configured provider name', async () => {
    const named = createOpenAIAdapter({ apiKey, baseURL: fake.url, name: 'openai-eu' });
    expect(named.provider).toBe('openai-eu');
    await named.close();
  });
});
