import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { ProviderAdapter } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorization, startTestGateway, type TestGateway } from '../test-support/start-test-gateway.js';

/** A stand-in adapter for routing tests: it has no generation operation, and its token counter crashes. */
const standIn: ProviderAdapter = {
  provider: 'stand-in',
  operations: {
    countInputTokens: async () => {
      throw new Error('connection string postgres://admin:hunter2@db/internal');
    },
  },
};

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ adapters: { openai: standIn }, config: { server: { body_limit_bytes: 4096 } } });
});
afterAll(() => gateway.close());

async function send(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return fetch(`${gateway.url}${path}`, { method, headers: { ...authorization, ...init.headers }, ...(init.body === undefined ? {} : { body: init.body }) });
}

async function expectEnvelope(response: Response, status: number, expected: { type?: string; code?: string | null; param?: string | null; message?: RegExp }) {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  expect(response.headers.get('content-type')).toContain('application/json');
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(typeof body.error.message).toBe('string');
  if (expected.type !== undefined) expect(body.error.type).toBe(expected.type);
  if (expected.code !== undefined) expect(body.error.code).toBe(expected.code);
  if (expected.param !== undefined) expect(body.error.param).toBe(expected.param);
  if (expected.message !== undefined) expect(body.error.message).toMatch(expected.message);
  return body;
}

const json = { 'content-type': 'application/json' };

describe('bad requests get OpenAI error envelopes', () => {
  it('invalid JSON → 400 with param null', async () => {
    const response = await send('POST', '/v1/responses', { headers: json, body: '{"model": "openai/gpt-4o", ' });
    await expectEnvelope(response, 400, { type: 'invalid_request_error', param: null, message: /could not parse the JSON body/ });
  });

  it('a body that is not JSON-typed → 400', async () => {
    const response = await send('POST', '/v1/responses', { headers: { 'content-type': 'text/plain' }, body: '{}' });
    await expectEnvelope(response, 400, { type: 'invalid_request_error', message: /Content-Type/ });
  });

  it.each([
    ['temperature as a string', { model: 'openai/gpt-4o', input: 'hi', temperature: 'hot' }, 'temperature'],
    ['a bad input item', { model: 'openai/gpt-4o', input: [{ type: 'message', role: 'wizard', content: 'x' }] }, /^input\[0\]/],
    ['an unknown top-level field', { model: 'openai/gpt-4o', input: 'hi', frobnicate: true }, 'frobnicate'],
  ])('schema violation: %s → 400 naming the param', async (_name, body, param) => {
    const response = await send('POST', '/v1/responses', { headers: json, body: JSON.stringify(body) });
    const envelope = await expectEnvelope(response, 400, { type: 'invalid_request_error' });
    if (typeof param === 'string') expect(envelope.error.param).toBe(param);
    else expect(envelope.error.param).toMatch(param);
  });

  it('chat messages not an array → 400 param messages', async () => {
    const response = await send('POST', '/v1/chat/completions', { headers: json, body: JSON.stringify({ model: 'openai/gpt-4o', messages: 'hi' }) });
    await expectEnvelope(response, 400, { param: 'messages' });
  });

  it('unknown route → 404 unknown_url', async () => {
    const response = await send('POST', '/v1/foo', { headers: json, body: '{}' });
    await expectEnvelope(response, 404, { type: 'invalid_request_error', code: 'unknown_url', message: /^Invalid URL \(POST \/v1\/foo\)$/ });
  });

  it('wrong method → 405 with Allow', async () => {
    const response = await send('PUT', '/v1/responses', { headers: json, body: '{}' });
    await expectEnvelope(response, 405, { type: 'invalid_request_error' });
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('missing key → 401 invalid_api_key', async () => {
    const response = await fetch(`${gateway.url}/v1/models`);
    await expectEnvelope(response, 401, { code: 'invalid_api_key' });
  });

  it.each([
    ['Bearer', { authorization: 'Bearer sk-wrong' }],
    ['X-API-Key', { 'x-api-key': 'sk-wrong' }],
  ])('bad key via %s → 401 invalid_api_key', async (_name, headers) => {
    const response = await fetch(`${gateway.url}/v1/models`, { headers });
    await expectEnvelope(response, 401, { code: 'invalid_api_key' });
  });

  it.each(['//v1/models', '/v1/models/', '/V1/models', '/v1//models', '/v1/models/..%2F..%2Fhealthz', '/v1/responses/%2E%2E/input_items'])(
    'odd path %s without a key is 401 or 404, never served',
    async (path) => {
      const response = await fetch(`${gateway.url}${path}`);
      expect([401, 404]).toContain(response.status);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      expect(Object.keys((await response.json()) as object)).toEqual(['error']);
    },
  );

  it('accepts the key via X-API-Key', async () => {
    const response = await fetch(`${gateway.url}/v1/models`, { headers: { 'x-api-key': 'sk-test-master' } });
    expect(response.status).toBe(200);
  });

  it('unknown provider → 404 model_not_found', async () => {
    const response = await send('POST', '/v1/responses', { headers: json, body: JSON.stringify({ model: 'nope/gpt-4o', input: 'hi' }) });
    await expectEnvelope(response, 404, { code: 'model_not_found', param: 'model', message: /The model 'nope\/gpt-4o' does not exist/ });
  });

  it('a model without provider prefix → 400 explaining provider/model', async () => {
    const response = await send('POST', '/v1/responses', { headers: json, body: JSON.stringify({ model: 'gpt-4o', input: 'hi' }) });
    await expectEnvelope(response, 400, { param: 'model', message: /provider\/model/ });
  });

  it('an operation the provider lacks → 400 unsupported_operation', async () => {
    const response = await send('POST', '/v1/responses', { headers: json, body: JSON.stringify({ model: 'openai/gpt-4o', input: 'hi' }) });
    await expectEnvelope(response, 400, { code: 'unsupported_operation' });
  });

  it('an unexpected exception → 500 server_error with a generic message and no details', async () => {
    const response = await send('POST', '/v1/responses/input_tokens', { headers: json, body: JSON.stringify({ model: 'openai/gpt-4o', input: 'hi' }) });
    const envelope = await expectEnvelope(response, 500, { type: 'server_error', code: null, param: null });
    expect(JSON.stringify(envelope)).not.toContain('hunter2');
    expect(envelope.error.message).toBe('The gateway had an internal error while processing your request.');
  });

  it('keeps a sane incoming x-request-id and replaces an odd one', async () => {
    const kept = await fetch(`${gateway.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${gateway.url}/healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
  });
});

describe('body cap (4096 bytes in this suite)', () => {
  function rawPost(headers: Record<string, string>): { request: ReturnType<typeof httpRequest>; response: Promise<IncomingMessage> } {
    const url = new URL('/v1/responses', gateway.url);
    const request = httpRequest(url, { method: 'POST', headers: { ...authorization, ...json, ...headers } });
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      request.on('response', resolve);
      request.on('error', reject);
    });
    return { request, response };
  }

  async function bodyOf(message: IncomingMessage): Promise<{ error: Record<string, unknown> }> {
    let text = '';
    for await (const chunk of message) text += String(chunk);
    return JSON.parse(text) as { error: Record<string, unknown> };
  }

  it('refuses a declared Content-Length over the cap before the body is sent', async () => {
    const { request, response } = rawPost({ 'content-length': String(50 * 1024 * 1024) });
    request.write('{"model":"openai/gpt-4o","input":"');
    // The rest of the 50 MiB is never sent: the answer must come without it.
    const message = await response;
    expect(message.statusCode).toBe(413);
    expect(message.headers['x-request-id']).toBeDefined();
    expect((await bodyOf(message)).error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
    request.destroy();
  });

  it('counts a chunked body while reading and answers 413 once it passes the cap', async () => {
    const { request, response } = rawPost({ 'transfer-encoding': 'chunked' });
    request.write('{"model":"openai/gpt-4o","input":"');
    request.write('x'.repeat(5000));
    // The body is never finished: the 413 must arrive while the upload is still open.
    const message = await response;
    expect(message.statusCode).toBe(413);
    expect((await bodyOf(message)).error).toMatchObject({ code: 'request_too_large' });
    request.destroy();
  });
});
