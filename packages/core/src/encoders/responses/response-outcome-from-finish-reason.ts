import type { FinishReason } from '../../parts/finish-reason.js';
import type { IncompleteReason, ResponseErrorObject } from './response-output-types.js';

/** How a Responses stream ends: its terminal event and the status of the final snapshot. */
export type ResponseOutcome =
  | { readonly status: 'completed' }
  | { readonly status: 'incomplete'; readonly reason: IncompleteReason }
  | { readonly status: 'failed'; readonly error: ResponseErrorObject };

/**
 * Maps the unified finish reason onto the Responses outcome: `length` and `content-filter`
 * end `incomplete` (`max_output_tokens` / `content_filter`), a provider-reported `error` stop ends
 * `failed` with `server_error`; `stop`, `tool-calls`, `refusal` and `other` end `completed`.
 */
export function responseOutcomeFromFinishReason(finishReason: FinishReason): ResponseOutcome {
  switch (finishReason.unified) {
    case 'length':
      return { status: 'incomplete', reason: 'max_output_tokens' };
    case 'content-filter':
      return { status: 'incomplete', reason: 'content_filter' };
    case 'error':
      return {
        status: 'failed',
        error: {
          code: 'server_error',
          message:
            finishReason.raw === undefined
              ? 'The upstream model stopped with an error.'
              : `The upstream model stopped with an error (${finishReason.raw}).`,
        },
      };
    case 'stop':
    case 'tool-calls':
    case 'refusal':
    case 'other':
      return { status: 'completed' };
  }
}
