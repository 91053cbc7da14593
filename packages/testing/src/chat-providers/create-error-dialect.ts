import type { ErrorAnswer, ErrorDialect, SseFrame } from '../http/fake-server-types.js';
import { maskKey } from '../openai/openai-error-dialect.js';

export interface ErrorFields {
  status: number;
  message: string;
  type: string;
  code: string | null;
  param: string | null;
}

export interface ErrorDialectSpec {
  /** Renders the provider's error body from the common fields. */
  shape: (fields: ErrorFields) => unknown;
  /** Status for a missing or wrong key (xAI answers 400, most others 401). */
  authStatus: number;
  invalidKeyMessage: (maskedKey: string) => string;
  missingKeyMessage: string;
}

const rateLimitHeaders = {
  'retry-after': '1',
  'x-ratelimit-limit-requests': '30',
  'x-ratelimit-remaining-requests': '0',
  'x-ratelimit-reset-requests': '1s',
  'x-ratelimit-limit-tokens': '6000',
  'x-ratelimit-remaining-tokens': '5000',
  'x-ratelimit-reset-tokens': '10s',
};

function defaultFields(status: number, model: string | undefined): Omit<ErrorFields, 'status'> {
  switch (status) {
    case 400:
      return { message: 'Invalid request.', type: 'invalid_request_error', code: null, param: null };
    case 402:
      return { message: 'Insufficient balance.', type: 'insufficient_quota', code: 'insufficient_quota', param: null };
    case 404:
      return { message: `The model \`${model ?? 'unknown'}\` does not exist.`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' };
    case 429:
      return { message: 'Rate limit reached. Please try again in 1s.', type: 'rate_limit_error', code: 'rate_limit_exceeded', param: null };
    case 503:
      return { message: 'Service unavailable, please try again later.', type: 'server_error', code: null, param: null };
    default:
      return status >= 500
        ? { message: 'Internal server error.', type: 'server_error', code: null, param: null }
        : { message: 'Request failed.', type: 'invalid_request_error', code: null, param: null };
  }
}

/** Builds an `ErrorDialect` for an OpenAI-compatible provider from its body shape and auth behaviour. */
export function createErrorDialect(spec: ErrorDialectSpec): ErrorDialect {
  const answer = (fields: ErrorFields, headers: Record<string, string> = {}): ErrorAnswer => ({
    status: fields.status,
    headers,
    body: spec.shape(fields),
  });
  return {
    forStatus: (status, { model }) =>
      answer({ status, ...defaultFields(status, model) }, status === 429 ? rateLimitHeaders : {}),
    missingKey: () =>
      answer({ status: spec.authStatus, message: spec.missingKeyMessage, type: 'authentication_error', code: 'invalid_api_key', param: null }),
    invalidKey: (key) =>
      answer({
        status: spec.authStatus,
        message: spec.invalidKeyMessage(maskKey(key)),
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
      }),
    badJson: () =>
      answer({ status: 400, message: 'Request body is not valid JSON.', type: 'invalid_request_error', code: null, param: null }),
    invalidParameter: (param, message) =>
      answer({ status: 400, message, type: 'invalid_request_error', code: 'missing_required_parameter', param }),
    unknownRoute: (method, path) =>
      answer({ status: 404, message: `Unknown route ${method} ${path}`, type: 'invalid_request_error', code: null, param: null }),
    // vLLM-style wording; the compatible servers differ, all answer 400.
    contextWindowExceeded: ({ model }) =>
      answer({
        status: 400,
        message: `This model's maximum context length is 8192 tokens. However, you requested 9000 tokens in the messages. Please reduce the length of the messages (${model ?? 'model'}).`,
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
        param: 'messages',
      }),
    contentPolicy: () =>
      answer({ status: 400, message: 'The request was rejected by the content policy.', type: 'invalid_request_error', code: 'content_policy_violation', param: null }),
    streamError: (): SseFrame[] => [
      { data: JSON.stringify(spec.shape({ status: 500, ...defaultFields(500, undefined) })) },
    ],
  };
}
