import type { Response } from '@switchyard/contract';
import { UpstreamError } from '../errors/upstream-error.js';
import type { FinishReason } from '../parts/finish-reason.js';

const statusByErrorCode: Readonly<Record<string, number>> = {
  rate_limit_exceeded: 429,
  server_error: 500,
  vector_store_timeout: 504,
};

/** The error a `failed` response (or an `error` event) stands for. */
export function responseFailureToError(
  provider: string,
  error: { readonly code?: string | null; readonly message?: string } | null | undefined,
): UpstreamError {
  const code = error?.code ?? null;
  const status = code === null ? 500 : (statusByErrorCode[code] ?? (code.startsWith('invalid') || code.includes('image') ? 400 : 500));
  return new UpstreamError({ provider, upstreamStatus: status, code, message: error?.message ?? `The ${provider} response failed.` });
}

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
