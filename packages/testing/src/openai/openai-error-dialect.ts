import type { ErrorAnswer, ErrorDialect, SseFrame } from '../http/fake-server-types.js';

/** OpenAI's error envelope: `{error: {message, type, param, code}}`. */
export function openaiErrorBody(message: string, type: string, code: string | null, param: string | null = null): unknown {
  return { error: { message, type, param, code } };
}

/** Masks a key the way OpenAI's 401 message does: only the last four characters survive. */
export function maskKey(key: string): string {
  return `${key.slice(0, Math.min(3, Math.max(0, key.length - 8)))}${'*'.repeat(Math.max(4, key.length - 7))}${key.slice(-4)}`;
}

const rateLimitedHeaders = {
  'retry-after': '1',
  'retry-after-ms': '1000',
  'x-ratelimit-limit-requests': '3',
  'x-ratelimit-remaining-requests': '0',
  'x-ratelimit-reset-requests': '1s',
  'x-ratelimit-limit-tokens': '40000',
  'x-ratelimit-remaining-tokens': '39000',
  'x-ratelimit-reset-tokens': '1.5s',
};

/** Messages and types as OpenAI returns them (help.openai.com error-code guide; see wire notes §2). */
export const openaiErrorDialect: ErrorDialect = {
  forStatus(status, { model }): ErrorAnswer {
    const name = model ?? 'gpt-4o-mini';
    const answer = (body: unknown, headers: Record<string, string> = {}): ErrorAnswer => ({ status, headers, body });
    switch (status) {
      case 400:
        return answer(openaiErrorBody('Invalid request.', 'invalid_request_error', null));
      case 401:
        return openaiErrorDialect.invalidKey('sk-fake-invalid-key');
      case 403:
        return answer(
          openaiErrorBody('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory'),
        );
      case 404:
        return answer(
          openaiErrorBody(`The model \`${name}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
        );
      case 429:
        return answer(
          openaiErrorBody(
            `Rate limit reached for ${name} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
            'requests',
            'rate_limit_exceeded',
          ),
          rateLimitedHeaders,
        );
      case 500:
        return answer(
          openaiErrorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null),
        );
      case 503:
        return answer(openaiErrorBody('The engine is currently overloaded, please try again later.', 'server_error', null));
      default:
        return answer(
          openaiErrorBody(
            status >= 500 ? 'The server had an error while processing your request.' : 'Request failed.',
            status >= 500 ? 'server_error' : 'invalid_request_error',
            null,
          ),
        );
    }
  },
  missingKey: () => ({
    status: 401,
    headers: {},
    body: openaiErrorBody(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (i.e. YOUR_KEY), when using HTTP Basic Auth. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      'invalid_request_error',
      null,
    ),
  }),
  invalidKey: (key) => ({
    status: 401,
    headers: {},
    body: openaiErrorBody(
      `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    ),
  }),
  badJson: () => ({
    status: 400,
    headers: {},
    body: openaiErrorBody(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
      'invalid_request_error',
      null,
    ),
  }),
  invalidParameter: (param, message) => ({
    status: 400,
    headers: {},
    body: openaiErrorBody(message, 'invalid_request_error', 'missing_required_parameter', param),
  }),
  unknownRoute: (method, path) => ({
    status: 404,
    headers: {},
    body: openaiErrorBody(`Invalid URL (${method} ${path})`, 'invalid_request_error', null),
  }),
  // Chat Completions and Responses word it differently; both carry `context_length_exceeded`.
  contextWindowExceeded: ({ path }) => ({
    status: 400,
    headers: {},
    body: path.endsWith('/responses')
      ? openaiErrorBody('Your input exceeds the context window of this model. Please adjust your input and try again.', 'invalid_request_error', 'context_length_exceeded', 'input')
      : openaiErrorBody(
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 130012 tokens. Please reduce the length of the messages.",
          'invalid_request_error',
          'context_length_exceeded',
          'messages',
        ),
  }),
  contentPolicy: () => ({
    status: 400,
    headers: {},
    body: openaiErrorBody(
      'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
      'invalid_request_error',
      'content_policy_violation',
    ),
  }),
  streamError(): SseFrame[] {
    return [
      {
        data: JSON.stringify(
          openaiErrorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null),
        ),
      },
    ];
  },
};

let requestCounter = 0;

/** Headers OpenAI sends on every answer (request id, version, rate-limit state). */
export function openaiCommonHeaders(): Record<string, string> {
  requestCounter += 1;
  return {
    'x-request-id': `req_fake${requestCounter.toString(16).padStart(24, '0')}`,
    'openai-version': '2020-10-01',
    'openai-processing-ms': '1',
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-remaining-requests': '9999',
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-limit-tokens': '30000000',
    'x-ratelimit-remaining-tokens': '29999000',
    'x-ratelimit-reset-tokens': '2ms',
  };
}
