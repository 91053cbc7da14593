import { GatewayError, UpstreamError } from '@switchyard/core';

/**
 * Cohere's error statuses (docs.cohere.com/reference/errors; body `{message}` or `{id, message}`),
 * on top of the shared upstream mapping (which already keeps 400, 401, 404, 429 + retry-after,
 * 500 and 503 with their retry semantics and redacts secrets):
 * - 402 (payment required / billing limit) → 402 with type `insufficient_quota`, not retryable;
 * - 499 (request cancelled by the user) → 499 with type `invalid_request_error` and code
 *   `request_cancelled`, not retryable.
 */
export function mapCohereError(error: unknown): unknown {
  if (!(error instanceof UpstreamError)) return error;
  if (error.upstreamStatus === 402) return withType(error, 'insufficient_quota', error.code ?? 'insufficient_quota');
  if (error.upstreamStatus === 499) return withType(error, 'invalid_request_error', error.code ?? 'request_cancelled');
  return error;
}

function withType(error: UpstreamError, type: 'insufficient_quota' | 'invalid_request_error', code: string): UpstreamError {
  return new UpstreamError({
    provider: error.provider,
    upstreamStatus: error.upstreamStatus,
    responseHeaders: error.responseHeaders,
    ...(error.responseBody === undefined ? {} : { responseBody: error.responseBody }),
    message: error.message,
    type,
    code,
    param: error.param,
    cause: error,
  });
}

/**
 * A generation Cohere ended with `finish_reason: ERROR` (500-like, retryable) or `TIMEOUT`
 * (504, retryable), as `message-end` or in a non-streamed answer.
 */
export function createCohereGenerationError(provider: string, finishReason: string | undefined, detail: string): GatewayError {
  const timeout = finishReason === 'TIMEOUT';
  return new UpstreamError({
    provider,
    upstreamStatus: timeout ? 504 : 500,
    message: `${provider} ended the generation with ${finishReason ?? 'an error'}: ${detail}`,
    code: timeout ? 'upstream_timeout' : 'upstream_generation_error',
  });
}

/** The upstream stream ended (or sent an unreadable event) before `message-end`. */
export function createCohereIncompleteStreamError(provider: string, reason: string): GatewayError {
  return new UpstreamError({ provider, upstreamStatus: 502, message: `${provider} stream ${reason}.`, code: 'upstream_incomplete_stream', type: 'upstream_error' });
}
