import type { ErrorAnswer } from '../http/fake-server-types.js';

/** Anthropic's error types by HTTP status (https://docs.anthropic.com/en/api/errors). */
const typeByStatus: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const messageByType: Readonly<Record<string, string>> = {
  invalid_request_error: 'There was an issue with the format or content of your request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'The requested resource could not be found.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

let requestCounter = 0;

/** A fake `request-id` in Anthropic's style. */
export function fakeAnthropicRequestId(): string {
  requestCounter += 1;
  return `req_fake${String(requestCounter).padStart(20, '0')}`;
}

/** Anthropic's error body `{type:"error", error:{type, message}, request_id}`. */
export function anthropicErrorBody(type: string, message?: string): { type: 'error'; error: { type: string; message: string }; request_id: string } {
  return { type: 'error', error: { type, message: message ?? messageByType[type] ?? 'Error' }, request_id: fakeAnthropicRequestId() };
}

/** The answer Anthropic gives with this status (429 carries `retry-after` and rate-limit headers). */
export function anthropicErrorAnswer(status: number, message?: string): ErrorAnswer {
  const type = typeByStatus[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  const headers: Record<string, string> =
    status === 429
      ? {
          'retry-after': '7',
          'anthropic-ratelimit-requests-limit': '50',
          'anthropic-ratelimit-requests-remaining': '0',
          'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:07Z',
        }
      : {};
  return { status, headers, body: anthropicErrorBody(type, message) };
}

/** The mid-stream `error` event Anthropic sends after a 200 (e.g. overloaded). */
export function anthropicStreamErrorEvent(type = 'overloaded_error'): { type: 'error'; error: { type: string; message: string } } {
  return { type: 'error', error: { type, message: messageByType[type] ?? 'Error' } };
}
