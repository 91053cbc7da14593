import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '@switchyard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAzureOpenAIAdapter } from './azure-openai-provider.js';
import type { OpenAIAdapter } from './create-openai-adapter-from-config.js';
import { asStream, collect, createTestContext, rejectionOf } from './test-support/create-test-context.js';

const apiKey = 'azure-key-0123456789abcdef0123';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A stand-in for an Azure resource: records requests; answers JSON, SSE, or an error echoing the key. */
let server: Server;
let endpoint: string;
let seen: Seen[];
let nextAnswer: 'json' | 'chat-sse' | 'echo-key-401';
const adapters: OpenAIAdapter[] = [];

beforeEach(async () => {
  seen = [];
  nextAnswer = 'json';
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: text === '' ? undefined : JSON.parse(text) });
      if (nextAnswer === 'echo-key-401') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: '401', message: `Access denied due to invalid subscription key ${String(request.headers['api-key'])}.` } }));
      } else if (nextAnswer === 'chat-sse') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] };
        response.end(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`);
      } else if (request.url?.includes('/models')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] }));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: 'resp_1', object: 'response' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const adapter of adapters.splice(0)) await adapter.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const azure = (settings: Partial<Parameters<typeof createAzureOpenAIAdapter>[0]> = {}): OpenAIAdapter => {
  const adapter = createAzureOpenAIAdapter({ apiKey, endpoint: `${endpoint}/`, ...settings });
  adapters.push(adapter);
  return adapter;
};
const call = async (adapter: OpenAIAdapter, operation: 'createResponse' | 'createChatCompletion', body: Record<string, unknown>, model = 'gpt-4o') => {
  const handler = adapter.operations[operation];
  if (handler === undefined) throw new Error(`${operation} must be native`);
  return handler({ body } as never, createTestContext({ upstreamModel: model }));
};

describe('createAzureOpenAIAdapter: v1 API', () => {
  it('posts to /openai/v1/responses with the api-key header and no api-version', async () => {
    const adapter = azure({ deployments: { 'gpt-4o': 'my-gpt4o-deployment' } });
    expect(adapter.provider).toBe('azure');
    await call(adapter, 'createResponse', { model: 'azure/gpt-4o', input: 'hi', tags: ['x'] });
    const [request] = seen;
    expect(`${request?.method} ${request?.url}`).toBe('POST /openai/v1/responses');
    expect(request?.headers['api-key']).toBe(apiKey);
    expect(request?.headers['authorization']).toBeUndefined();
    expect(request?.headers['x-client-request-id']).toBeUndefined();
    expect(request?.body).toEqual({ model: 'my-gpt4o-deployment', input: 'hi' });
  });

  it('posts chat to /openai/v1/chat/completions and relays SSE', async () => {
    nextAnswer = 'chat-sse';
    const chunks = await collect(asStream(await call(azure(), 'createChatCompletion', { model: 'gpt-4o', messages: [], stream: true })));
    expect(chunks).toHaveLength(1);
    expect(seen[0]?.url).toBe('/openai/v1/chat/completions');
  });

  it('adds api-version when one is configured, and lists models', async () => {
    const adapter = azure({ apiVersion: 'preview' });
    await call(adapter, 'createResponse', { model: 'gpt-4o', input: 'hi' });
    expect(seen[0]?.url).toBe('/openai/v1/responses?api-version=preview');
    expect(await adapter.listModels?.({ signal: new AbortController().signal })).toEqual(['gpt-4o']);
    expect(seen[1]?.url).toBe('/openai/v1/models?api-version=preview');
  });

  it('redacts the key when Azure echoes it in an error', async () => {
    nextAnswer = 'echo-key-401';
    const error = (await rejectionOf(call(azure(), 'createResponse', { model: 'gpt-4o', input: 'hi' }))) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.status).toBe(401);
    expect(JSON.stringify({ message: error.message, body: error.responseBody })).not.toContain(apiKey);
  });
});

describe('createAzureOpenAIAdapter: classic deployment URLs', () => {
  it('sends chat to /openai/deployments/{deployment}/chat/completions?api-version=…', async () => {
    const adapter = azure({ useV1: false, apiVersion: '2024-10-21', deployments: { 'gpt-4o': 'prod gpt4o' } });
    await call(adapter, 'createChatCompletion', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(seen[0]?.url).toBe('/openai/deployments/prod%20gpt4o/chat/completions?api-version=2024-10-21');
    expect(seen[0]?.headers['api-key']).toBe(apiKey);
    expect(adapter.listModels).toBeUndefined();
  });

  it('sends responses to /openai/responses with the default preview api-version', async () => {
    await call(azure({ useV1: false }), 'createResponse', { model: 'gpt-4o', input: 'hi' });
    expect(seen[0]?.url).toBe('/openai/responses?api-version=2025-04-01-preview');
  });
});
