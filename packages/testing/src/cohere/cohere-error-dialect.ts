import type { ErrorAnswer, ErrorDialect, SseFrame } from '../http/fake-server-types.js';

/**
 * Cohere's error bodies: `{id, message}` (docs.cohere.com/reference/errors: "the response will be an
 * error object" with a `message`; live answers also carry a request `id`). Messages follow the
 * documented examples.
 */
export function cohereErrorBody(message: string, id = 'b8f4f0e2-fake-4d7a-9c1e-000000000000'): { id: string; message: string } {
  return { id, message };
}

export const cohereErrorDialect: ErrorDialect = {
  forStatus(status, { model }): ErrorAnswer {
    const answer = (message: string, headers: Record<string, string> = {}): ErrorAnswer => ({ status, headers, body: cohereErrorBody(message) });
    switch (status) {
      case 400:
        return answer('invalid request: temperature must be between 0 and 1.0 inclusive.');
      case 401:
        return answer('invalid api token');
      case 402:
        return answer('Please add or update your payment method at https://dashboard.cohere.com/billing?tab=payment to continue');
      case 404:
        return answer(`model '${model ?? 'command-a-03-2025'}' not found, make sure the correct model ID was used and that you have access to the model.`);
      case 429:
        return answer(
          'You are using a Trial key, which is limited to 20 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at https://dashboard.cohere.com/api-keys.',
          { 'retry-after': '1' },
        );
      case 499:
        return answer('request cancelled by the user');
      case 500:
        return answer('internal server error, this has been reported to our developers');
      case 503:
        return answer('service unavailable, please try again later');
      default:
        return answer(status >= 500 ? 'internal server error' : 'invalid request');
    }
  },
  missingKey: () => ({ status: 401, headers: {}, body: cohereErrorBody('no api key supplied') }),
  invalidKey: () => ({ status: 401, headers: {}, body: cohereErrorBody('invalid api token') }),
  badJson: () => ({ status: 400, headers: {}, body: cohereErrorBody('invalid request: failed to decode the request body as JSON') }),
  invalidParameter: (_param, message) => ({ status: 400, headers: {}, body: cohereErrorBody(`invalid request: ${message}`) }),
  unknownRoute: () => ({ status: 404, headers: {}, body: cohereErrorBody('Not Found') }),
  // Not checked against live Cohere answers: the wording only has to read as a context-window error.
  contextWindowExceeded: () => ({
    status: 400,
    headers: {},
    body: cohereErrorBody('invalid request: too many tokens: the prompt exceeds the context window of the model'),
  }),
  contentPolicy: () => ({ status: 400, headers: {}, body: cohereErrorBody('invalid request: the request was blocked by the content policy') }),
  /** A generation failure mid-stream: `message-end` with `finish_reason: ERROR` and its `error` text (SDK `ChatMessageEndEventDelta.error`). */
  streamError: (): SseFrame[] => [
    {
      event: 'message-end',
      data: JSON.stringify({ type: 'message-end', delta: { finish_reason: 'ERROR', error: 'internal server error, this has been reported to our developers' } }),
    },
    { data: '[DONE]' },
  ],
};
