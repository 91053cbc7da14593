import { UpstreamError } from '../errors/upstream-error.js';

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
