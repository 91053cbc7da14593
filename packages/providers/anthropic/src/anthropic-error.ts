import { UpstreamError } from '@switchyard/core';
import { safeParseJson, type SecretRedactor } from '@switchyard/provider-utils';
import type { AnthropicErrorPayload } from './anthropic-api.js';

/**
 * Anthropic's error types and the HTTP status each stands for
 * (https://docs.anthropic.com/en/api/errors). A mid-stream `error` event carries only the type.
 */
const statusByErrorType: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** The status an Anthropic error type stands for; unknown types are treated as a 500. */
export function statusForAnthropicErrorType(type: string | undefined): number {
  return (type === undefined ? undefined : statusByErrorType[type]) ?? 500;
}

/** An `error` event that arrived inside a 200 stream, as an `UpstreamError` (overloaded → 503, retryable). */
export function createAnthropicStreamError(provider: string, payload: AnthropicErrorPayload | undefined, redact: SecretRedactor): UpstreamError {
  const type = typeof payload?.type === 'string' ? payload.type : undefined;
  const message = typeof payload?.message === 'string' && payload.message !== '' ? payload.message : 'no message';
  return new UpstreamError({
    provider,
    upstreamStatus: statusForAnthropicErrorType(type),
    message: redact(`${provider} reported an error: ${message}`),
    code: type ?? null,
  });
}

/**
 * Adds Anthropic's error type (e.g. `overloaded_error`) as the `code` of an error the upstream
 * client built from a non-2xx answer, whose status semantics are already right.
 */
export function withAnthropicErrorCode(error: unknown): unknown {
  if (!(error instanceof UpstreamError) || error.code !== null || error.responseBody === undefined) return error;
  const parsed = safeParseJson<{ error?: { type?: unknown } }>(error.responseBody);
  const type = parsed.success ? parsed.value.error?.type : undefined;
  if (typeof type !== 'string') return error;
  return new UpstreamError({
    provider: error.provider,
    upstreamStatus: error.upstreamStatus,
    responseHeaders: error.responseHeaders,
    responseBody: error.responseBody,
    message: error.message,
    type: error.type,
    code: type,
    param: error.param,
    cause: error,
  });
}
