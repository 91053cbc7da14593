import { UpstreamError } from '@switchyard/core';
import { createSecretRedactor } from '@switchyard/provider-utils';
import { describe, expect, it } from 'vitest';
import { createGeminiError, toGeminiError } from './gemini-error.js';

const redact = createSecretRedactor(['my-secret-key-123']);

describe('createGeminiError', () => {
  it.each([
    ['INVALID_ARGUMENT', 400, 'invalid_request_error', false],
    ['PERMISSION_DENIED', 403, 'permission_error', false],
    ['NOT_FOUND', 404, 'invalid_request_error', false],
    ['RESOURCE_EXHAUSTED', 429, 'rate_limit_error', true],
    ['INTERNAL', 500, 'server_error', true],
    ['UNAVAILABLE', 503, 'service_unavailable', true],
    ['DEADLINE_EXCEEDED', 504, 'timeout_error', true],
  ])('maps an in-stream %s to %i', (status, httpStatus, type, retryable) => {
    const error = createGeminiError({ provider: 'gemini', httpStatus: 0, error: { code: httpStatus, message: 'x', status }, redact });
    expect(error).toMatchObject({ status: httpStatus, type, code: status, isRetryable: retryable });
  });

  it('turns RetryInfo into retry-after and redacts an echoed key', () => {
    const error = createGeminiError({
      provider: 'gemini',
      httpStatus: 429,
      error: { code: 429, message: 'Quota exceeded for key my-secret-key-123', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17.2s' }] },
      redact,
    });
    expect(error.headers).toEqual({ 'retry-after': '18' });
    expect(error.message).toBe('gemini answered 429: Quota exceeded for key [REDACTED]');
  });

  it('treats API_KEY_INVALID as an authentication failure', () => {
    const original = new UpstreamError({
      provider: 'gemini',
      upstreamStatus: 400,
      message: 'x',
      responseBody: JSON.stringify({ error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } }),
    });
    expect(toGeminiError(original, 'gemini', redact)).toMatchObject({ status: 401, type: 'authentication_error', code: 'INVALID_ARGUMENT' });
  });
});
