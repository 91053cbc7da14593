import type { Response } from '@switchyard/contract';
import type { FinishReason } from '../parts/finish-reason.js';

/** Finish reason of a finished Responses response. */
export function responseFinishReason(response: Response, hadToolCalls: boolean): FinishReason {
  if (response.status === 'incomplete') {
    const reason = response.incomplete_details?.reason;
    if (reason === 'max_output_tokens') return { unified: 'length', raw: reason };
    if (reason === 'content_filter') return { unified: 'content-filter', raw: reason };
    return { unified: 'other', raw: reason ?? 'incomplete' };
  }
  return { unified: hadToolCalls ? 'tool-calls' : 'stop', raw: response.status ?? 'completed' };
}
