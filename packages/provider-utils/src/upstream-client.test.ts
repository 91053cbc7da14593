import { UpstreamError } from '@switchyard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, writeSlowEvents, type TestHandler, type TestServer } from './test-support/start-test-server.js';
import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from './upstream-client.js';

const apiKey = 'test-key-abcdef0123456789';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(handler: TestHandler, options: Partial<UpstreamClientOptions> = {}): Promise<{ server: TestServer; client: UpstreamClient }> {
  const server = await startTestServer(handler);
  const client = createUpstreamClient({
    provider: 'openai',
    baseURL: `${server.url}/v1`,
    headers: { authorization: `Bearer ${apiKey}` },
    ...options,
  });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): TestHandler => (_request, response) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createUpstreamClient: JSON', () => {
  it('posts JSON under the base path with the configured headers and parses the answer', async () => {
    const { server, client } = await setup(json(200, { id: 'resp_1' }, { 'x-request-id': 'req_9' }));
    const response = await client.postJson<{ id: string }>('/responses', { model: 'm', input: 'hi' }, {
      headers: { 'x-extra': 'yes' },
      query: { beta: true, 'include[]': ['a', 'b'], skipped: undefined },
    });
    expect(response).toEqual({ status: 200, headers: expect.objectContaining({ 'x-request-id': 'req_9' }), body: { id: 'resp_1' } });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/responses?beta=true&include%5B%5D=a&include%5B%5D=b');
    expect(request?.headers['authorization']).toBe(`Bearer ${apiKey}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-extra']).toBe('yes');
    expect(JSON.parse(request?.body ?? '')).toEqual({ model: 'm', input: 'hi' });
  });

  it('gets and deletes, reusing one keep-alive connection', async () => {
    const { server, client } = await setup(json(200, { ok: true }));
    await client.getJson('/models');
    await client.deleteJson('/responses/resp_1');
    for (let index = 0; index < 4; index += 1) await client.getJson('/models');
    expect(server.requests.slice(0, 3).map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /v1/models',
      'DELETE /v1/responses/resp_1',
      'GET /v1/models',
    ]);
    // Six sequential requests; undici may open a second socket while the first is being released.
    expect(server.connections.opened).toBeLessThanOrEqual(2);
  });

  it('maps an error answer and redacts the key the upstream echoes back', async () => {
    const { client } = await setup((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${request.headers['authorization']}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    });
    const error = await caught(client.postJson('/responses', {}));
    expect(error).toBeInstanceOf(UpstreamError);
    const upstream = error as UpstreamError;
    expect(upstream.status).toBe(401);
    expect(upstream.code).toBe('invalid_api_key');
    expect(JSON.stringify({ message: upstream.message, body: upstream.responseBody, envelope: upstream.toEnvelope() })).not.toContain(apiKey);
  });

  it('keeps Retry-After of a 429', async () => {
    const { client } = await setup(json(429, { error: { message: 'slow', type: 'rate_limit_error', code: null } }, { 'retry-after': '3' }));
    const error = (await caught(client.getJson('/models'))) as UpstreamError;
    expect([error.status, error.headers['retry-after'], error.isRetryable]).toEqual([429, '3', true]);
  });

  it('reads at most maxErrorBodyBytes of an error body', async () => {
    const { client } = await setup((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('x'.repeat(100_000));
    }, { maxErrorBodyBytes: 1_000 });
    const error = (await caught(client.getJson('/models'))) as UpstreamError;
    expect([error.status, error.responseBody?.length]).toEqual([500, 1_000]);
  });

  it('aborting a JSON request rejects with the reason and closes the socket', async () => {
    const { server, client } = await setup(() => undefined);
    const controller = new AbortController();
    const pending = client.postJson('/responses', {}, { signal: controller.signal });
    const socketClosed = server.nextSocketClose();
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('caller gave up'));
    expect(((await caught(pending)) as Error).message).toBe('caller gave up');
    await socketClosed;
  });

  it('answers invalid JSON with a 502 that does not quote the body', async () => {
    const { client } = await setup((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"leak":"${apiKey}"`);
    });
    const error = (await caught(client.getJson('/models'))) as UpstreamError;
    expect(error.status).toBe(502);
    expect(error.message).not.toContain(apiKey);
  });
});

describe('createUpstreamClient: redirects', () => {
  it('never follows a redirect and names no location', async () => {
    const elsewhere = await startTestServer(json(200, { stolen: true }));
    cleanups.push(() => elsewhere.close());
    const location = `http://user:pass@127.0.0.1:${new URL(elsewhere.url).port}/capture?key=abc`;
    const { client } = await setup((_request, response) => {
      response.writeHead(307, { location });
      response.end();
    });
    const error = (await caught(client.postJson('/responses', { model: 'm' }))) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('upstream_redirect');
    expect(error.message).not.toContain('127.0.0.1');
    expect(JSON.stringify(error)).not.toContain('pass@');
    expect(elsewhere.connections.opened).toBe(0);
  });
});

describe('createUpstreamClient: connection failures and timeouts', () => {
  it('maps connection refused to a retryable 502', async () => {
    const server = await startTestServer(json(200, {}));
    const baseURL = `${server.url}/v1`;
    await server.close();
    const client = createUpstreamClient({ provider: 'openai', baseURL, headers: { authorization: `Bearer ${apiKey}` } });
    cleanups.push(() => client.close());
    const error = (await caught(client.getJson('/models'))) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect([error.status, error.isRetryable, error.code]).toEqual([502, true, 'upstream_connection_error']);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('maps a connection reset before the answer to a retryable 502', async () => {
    const { client } = await setup((request) => {
      request.socket.destroy();
    });
    const error = (await caught(client.postJson('/responses', {}))) as UpstreamError;
    expect([error.status, error.isRetryable]).toEqual([502, true]);
  });

  it('maps a headers timeout to 504 timeout_error', async () => {
    const { client } = await setup(() => undefined, { timeouts: { headersMs: 100 } });
    const error = (await caught(client.postJson('/responses', {}))) as UpstreamError;
    expect([error.status, error.type, error.isRetryable]).toEqual([504, 'timeout_error', true]);
  });

  it('maps a body that stalls mid-stream to 504 thrown from the iteration', async () => {
    const { client } = await setup((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\n');
    }, { timeouts: { bodyMs: 150 } });
    const stream = await client.postForEventStream('/responses', {});
    const received: string[] = [];
    const error = await caught((async () => {
      for await (const event of stream.events) received.push(event.data);
    })());
    expect(received).toEqual(['{"n":1}']);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(504);
  });

  it('maps a connection cut mid-stream to a retryable 502', async () => {
    const { client } = await setup((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\n', () => setTimeout(() => response.socket?.destroy(), 20));
    });
    const stream = await client.postForEventStream('/responses', {});
    const error = await caught((async () => {
      for await (const _event of stream.events) void _event;
    })());
    expect([(error as UpstreamError).status, (error as UpstreamError).isRetryable]).toEqual([502, true]);
  });
});

describe('createUpstreamClient: event streams', () => {
  it('yields the first event before the upstream has finished', async () => {
    let finished = false;
    const { client } = await setup(async (_request, response) => {
      await writeSlowEvents(response, ['event: a\ndata: {"n":1}\n\n', 'event: b\ndata: {"n":2}\n\n', 'data: {"n":3}\n\n'], 150);
      finished = true;
    });
    const stream = await client.postForEventStream('/responses', { stream: true });
    expect(stream.status).toBe(200);
    const iterator = stream.events[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual({ event: 'a', data: '{"n":1}', id: undefined });
    expect(finished).toBe(false);
    const rest: string[] = [];
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) rest.push(next.value.data);
    expect(rest).toEqual(['{"n":2}', '{"n":3}']);
  });

  it('sends accept: text/event-stream and GETs streams with a query', async () => {
    const { server, client } = await setup((_request, response) => writeSlowEvents(response, ['data: {}\n\n'], 0));
    const stream = await client.getForEventStream('/responses/resp_1', { query: { stream: true, starting_after: 4 } });
    for await (const _event of stream.events) void _event;
    expect(server.requests[0]?.url).toBe('/v1/responses/resp_1?stream=true&starting_after=4');
    expect(server.requests[0]?.headers['accept']).toBe('text/event-stream');
  });

  it('rejects a JSON answer where a stream was requested', async () => {
    const { client } = await setup(json(200, { id: 'x' }));
    const error = (await caught(client.postForEventStream('/responses', {}))) as UpstreamError;
    expect(error.status).toBe(502);
  });

  it('on abort: stops iterating with the abort reason and closes the upstream socket', async () => {
    const { server, client } = await setup((_request, response) =>
      writeSlowEvents(response, Array.from({ length: 100 }, (_value, index) => `data: {"n":${index}}\n\n`), 50),
    );
    const controller = new AbortController();
    const stream = await client.postForEventStream('/responses', {}, { signal: controller.signal });
    const socketClosed = server.nextSocketClose();
    const received: string[] = [];
    const error = await caught((async () => {
      for await (const event of stream.events) {
        received.push(event.data);
        if (received.length === 2) controller.abort(new Error('client went away'));
      }
    })());
    expect((error as Error).message).toBe('client went away');
    expect(received).toHaveLength(2);
    await socketClosed;
    expect(server.connections.closed).toBe(1);
  });

  it('on abort before the answer: rejects with the abort reason and closes the socket', async () => {
    const { server, client } = await setup(() => undefined);
    const controller = new AbortController();
    const pending = client.postForEventStream('/responses', {}, { signal: controller.signal });
    const socketClosed = server.nextSocketClose();
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('gone'));
    expect(((await caught(pending)) as Error).message).toBe('gone');
    await socketClosed;
  });

  it('breaking out of the loop closes the upstream socket', async () => {
    const { server, client } = await setup((_request, response) =>
      writeSlowEvents(response, Array.from({ length: 100 }, () => 'data: {}\n\n'), 50),
    );
    const stream = await client.postForEventStream('/responses', {});
    const socketClosed = server.nextSocketClose();
    for await (const _event of stream.events) break;
    await socketClosed;
    expect(server.connections.closed).toBe(1);
  });
});

describe('createUpstreamClient: configuration', () => {
  it('refuses a baseURL with credentials', () => {
    expect(() => createUpstreamClient({ provider: 'x', baseURL: 'https://user:secret@api.test/v1' })).toThrow(/credentials/);
  });
});
