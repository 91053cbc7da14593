import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createUpstreamErrorFromResponse } from './create-upstream-error-from-response.js';
import { createSecretRedactor } from './redact-secrets.js';

const build = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  createUpstreamErrorFromResponse({
    provider: 'openai',
    status,
    headers,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('createUpstreamErrorFromResponse', () => {
  it('reads the OpenAI envelope and keeps type, code and param', () => {
    const error = build(400, { error: { message: 'Bad temperature', type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } });
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.toEnvelope()).toEqual({
      error: { message: 'openai answered 400: Bad temperature', type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' },
    });
    expect(error.isRetryable).toBe(false);
  });

  it.each([
    [{ message: 'plain message' }, 'plain message'],
    [{ object: 'error', message: 'mistral style', type: 'invalid_request_error', code: '3051' }, 'mistral style'],
    [{ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'Overloaded'],
    [{ detail: 'Not Found' }, 'Not Found'],
    [{ detail: [{ msg: 'field required', loc: ['body', 'model'] }] }, 'field required'],
    [{ error: 'just a string' }, 'just a string'],
    ['<html>Bad Gateway</html>', 'unrecognised error body'],
    ['', 'no error body'],
  ])('reads %j', (body, expected) => {
    expect(build(400, body).message).toBe(`openai answered 400: ${expected}`);
  });

  it.each([
    [401, 401, 'authentication_error', false],
    [403, 403, 'permission_error', false],
    [404, 404, 'invalid_request_error', false],
    [409, 409, 'invalid_request_error', true],
    [422, 422, 'invalid_request_error', false],
    [429, 429, 'rate_limit_error', true],
    [500, 500, 'server_error', true],
    [503, 503, 'service_unavailable', true],
    [529, 503, 'service_unavailable', true],
  ])('maps upstream %i to %i %s', (upstream, status, type, retryable) => {
    const error = build(upstream, { message: 'x' });
    expect([error.status, error.type, error.isRetryable]).toEqual([status, type, retryable]);
  });

  it('keeps retry-after and retry-after-ms on a 429', () => {
    const error = build(429, { error: { message: 'slow down', type: 'rate_limit_error', code: 'rate_limit_exceeded' } }, {
      'retry-after': '7',
      'retry-after-ms': '6500',
      'x-ratelimit-remaining-requests': '0',
    });
    expect(error.headers).toEqual({ 'retry-after': '7', 'retry-after-ms': '6500' });
    expect(error.code).toBe('rate_limit_exceeded');
  });

  it('redacts a configured key the upstream echoes back, in message and body', () => {
    const key = 'test-key-0123456789abcdef';
    const error = createUpstreamErrorFromResponse({
      provider: 'openai',
      status: 401,
      headers: {},
      bodyText: JSON.stringify({ error: { message: `Incorrect API key provided: ${key}. Header was Bearer ${key}`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
      redact: createSecretRedactor([key]),
    });
    expect(error.message).not.toContain(key);
    expect(error.responseBody).not.toContain(key);
    expect(JSON.stringify(error.toEnvelope())).not.toContain(key);
    expect(error.message).toContain('[REDACTED]');
  });

  it('redacts generic credential shapes without a configured key', () => {
    const error = build(400, { error: { message: 'bad url https://api.test/x?key=AIzaSyA1234567890abcdefghijk and sk-abcdef0123456789' } });
    expect(error.message).not.toMatch(/AIza|sk-abcdef/);
  });
});
