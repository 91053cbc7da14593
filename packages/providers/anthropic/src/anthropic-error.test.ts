import { UpstreamError } from '@switchyard/core';
import { createSecretRedactor } from '@switchyard/provider-utils';
import { describe, expect, it } from 'vitest';
import { createAnthropicStreamError, statusForAnthropicErrorType, withAnthropicErrorCode } from './anthropic-error.js';

describe('Anthropic errors', () => {
  it.each([
    ['overloaded_error', 503, true],
    ['rate_limit_error', 429, true],
    ['api_error', 500, true],
    ['invalid_request_error', 400, false],
    ['authentication_error', 401, false],
    ['permission_error', 403, false],
    ['not_found_error', 404, false],
    ['request_too_large', 413, false],
    ['timeout_error', 504, true],
    ['brand_new_error', 500, true],
  ])('a mid-stream %s becomes a %i (retryable: %s)', (type, status, retryable) => {
    const error = createAnthropicStreamError('anthropic', { type, message: 'Boom' }, (text) => text);
    expect(error).toMatchObject({ status, isRetryable: retryable, code: type, message: 'anthropic reported an error: Boom' });
  });

  it('redacts secrets from stream error messages', () => {
    const redact = createSecretRedactor(['sk-ant-very-secret-key']);
    expect(createAnthropicStreamError('anthropic', { type: 'api_error', message: 'key sk-ant-very-secret-key leaked' }, redact).message).not.toContain('sk-ant-very-secret-key');
  });

  it('adds the Anthropic error type as code to an HTTP error', () => {
    const error = new UpstreamError({ provider: 'anthropic', upstreamStatus: 529, message: 'anthropic answered 529: Overloaded', responseBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
    expect(withAnthropicErrorCode(error)).toMatchObject({ status: 503, code: 'overloaded_error', isRetryable: true, message: 'anthropic answered 529: Overloaded' });
    const plain = new Error('socket');
    expect(withAnthropicErrorCode(plain)).toBe(plain);
    expect(statusForAnthropicErrorType(undefined)).toBe(500);
  });
});
