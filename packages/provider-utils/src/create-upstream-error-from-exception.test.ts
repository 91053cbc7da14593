import { GatewayError, UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createUpstreamErrorFromException } from './create-upstream-error-from-exception.js';

const withCode = (code: string, message = 'connect ECONNREFUSED 10.0.0.1:443 https://user:pw@host/?key=secret') =>
  Object.assign(new Error(message), { code });

describe('createUpstreamErrorFromException', () => {
  it.each([
    ['UND_ERR_CONNECT_TIMEOUT', 504, 'timeout_error'],
    ['UND_ERR_HEADERS_TIMEOUT', 504, 'timeout_error'],
    ['UND_ERR_BODY_TIMEOUT', 504, 'timeout_error'],
    ['ECONNREFUSED', 502, 'upstream_error'],
    ['ECONNRESET', 502, 'upstream_error'],
    ['ENOTFOUND', 502, 'upstream_error'],
    ['UND_ERR_SOCKET', 502, 'upstream_error'],
  ])('%s → %i %s, retryable, message without the original text', (code, status, type) => {
    const error = createUpstreamErrorFromException('gemini', withCode(code)) as UpstreamError;
    expect([error.status, error.type, error.isRetryable]).toEqual([status, type, true]);
    expect(error.message).toMatch(/^gemini: /);
    expect(error.message).not.toMatch(/secret|10\.0\.0\.1|pw@/);
    expect(error.cause).toBeUndefined();
  });

  it('finds a code on the cause chain and handles errors without one', () => {
    const wrapped = new Error('fetch failed', { cause: withCode('ECONNRESET') });
    expect((createUpstreamErrorFromException('x', wrapped) as UpstreamError).message).toBe('x: connection reset (ECONNRESET).');
    expect((createUpstreamErrorFromException('x', 'weird') as UpstreamError).message).toBe('x: connection failed.');
  });

  it('passes a GatewayError through unchanged', () => {
    const original = new GatewayError({ status: 400, type: 'invalid_request_error', message: 'bad' });
    expect(createUpstreamErrorFromException('x', original)).toBe(original);
  });
});
