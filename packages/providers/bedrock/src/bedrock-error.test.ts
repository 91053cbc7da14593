import { GatewayError } from '@switchyard/core';
import { createSecretRedactor } from '@switchyard/provider-utils';
import { describe, expect, it } from 'vitest';
import { createBedrockUpstreamError } from './bedrock-error.js';

const redact = createSecretRedactor(['AKIAEXAMPLEKEY12345', 'verySecretAccessKey/abc']);
const sdkError = (name: string, message: string, httpStatusCode?: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { name, ...(httpStatusCode === undefined ? {} : { $metadata: { httpStatusCode }, $response: { statusCode: httpStatusCode, headers } }) });

describe('createBedrockUpstreamError', () => {
  it.each([
    ['ValidationException', 400, 400, false, 'invalid_request_error'],
    ['AccessDeniedException', 403, 403, false, 'permission_error'],
    ['ResourceNotFoundException', 404, 404, false, 'invalid_request_error'],
    ['ThrottlingException', 429, 429, true, 'rate_limit_error'],
    ['ServiceQuotaExceededException', 400, 429, true, 'rate_limit_error'],
    ['ModelNotReadyException', 429, 503, true, 'service_unavailable'],
    ['ModelTimeoutException', 408, 504, true, 'timeout_error'],
    ['ModelErrorException', 424, 502, true, 'server_error'],
    ['ModelStreamErrorException', 424, 502, true, 'server_error'],
    ['InternalServerException', 500, 500, true, 'server_error'],
    ['ServiceUnavailableException', 503, 503, true, 'service_unavailable'],
  ])('%s (Bedrock %i) → %i, retryable %s, %s', (name, bedrockStatus, status, isRetryable, type) => {
    const error = createBedrockUpstreamError('bedrock', sdkError(name, 'Something failed.', bedrockStatus), redact);
    expect(error).toMatchObject({ status, isRetryable, type, code: name, message: `bedrock: ${name}: Something failed.` });
  });

  it('maps stream exceptions (no HTTP metadata) by name', () => {
    expect(createBedrockUpstreamError('bedrock', sdkError('ModelStreamErrorException', 'Model stream broke.'), redact)).toMatchObject({ status: 502, isRetryable: true });
  });

  it('redacts credentials from upstream messages and keeps retry-after', () => {
    const error = createBedrockUpstreamError('bedrock', sdkError('ThrottlingException', 'Key AKIAEXAMPLEKEY12345 with verySecretAccessKey/abc', 429, { 'retry-after': '3' }), redact);
    expect(error.message).toBe('bedrock: ThrottlingException: Key [REDACTED] with [REDACTED]');
    expect(error.headers).toEqual({ 'retry-after': '3' });
  });

  it('treats an unmodelled HTTP error by its status, and a redirect as a 502 that was not followed', () => {
    expect(createBedrockUpstreamError('bedrock', sdkError('Unknown', 'UnknownError', 418), redact)).toMatchObject({ status: 418, message: 'bedrock: upstream error 418' });
    expect(createBedrockUpstreamError('bedrock', sdkError('Unknown', 'UnknownError', 307), redact)).toMatchObject({ status: 502, code: 'upstream_redirect' });
  });

  it('maps transport failures through provider-utils, and passes gateway errors through', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(createBedrockUpstreamError('bedrock', refused, redact)).toMatchObject({ status: 502, isRetryable: true, code: 'upstream_connection_error', message: 'bedrock: connection refused (ECONNREFUSED).' });
    const gateway = new GatewayError({ status: 400, type: 'invalid_request_error', message: 'x' });
    expect(createBedrockUpstreamError('bedrock', gateway, redact)).toBe(gateway);
  });
});
