import { UpstreamError } from '@switchyard/core';
import { safeParseJson, type SecretRedactor } from '@switchyard/provider-utils';
import type { GeminiErrorBody } from './gemini-api.js';

/** google.rpc.Code names → HTTP statuses (https://cloud.google.com/apis/design/errors#handling_errors). */
const statusByCode: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ABORTED: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNKNOWN: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `RetryInfo.retryDelay` ("17s", "1.5s") → whole seconds for `retry-after`. */
function retryAfterSeconds(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (!isRecord(detail) || typeof detail['retryDelay'] !== 'string') continue;
    const match = /^(\d+(?:\.\d+)?)s$/.exec(detail['retryDelay']);
    if (match !== null) return String(Math.max(1, Math.ceil(Number(match[1]))));
  }
  return undefined;
}

/** An invalid or expired key answers 400 INVALID_ARGUMENT with reason API_KEY_INVALID: that is a 401 for the client. */
function isInvalidKey(details: unknown): boolean {
  return Array.isArray(details) && details.some((detail) => isRecord(detail) && (detail['reason'] === 'API_KEY_INVALID' || detail['reason'] === 'API_KEY_EXPIRED'));
}

export interface GeminiErrorInput {
  readonly provider: string;
  /** The HTTP status, or 0 for an error frame inside a 200 stream (the body's `code` is used). */
  readonly httpStatus: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly error: GeminiErrorBody | undefined;
  readonly redact: SecretRedactor;
  readonly responseBody?: string;
}

/**
 * Google's `{error:{code, message, status, details}}` → `UpstreamError` with the HTTP status the
 * status name stands for (INVALID_ARGUMENT 400, PERMISSION_DENIED 403, NOT_FOUND 404,
 * RESOURCE_EXHAUSTED 429 with `retry-after` from RetryInfo, INTERNAL 500, UNAVAILABLE 503,
 * DEADLINE_EXCEEDED 504), `code` = the status name, and every secret redacted.
 */
export function createGeminiError(input: GeminiErrorInput): UpstreamError {
  const error = input.error ?? {};
  const named = error.status === undefined ? undefined : statusByCode[error.status];
  let status = input.httpStatus >= 400 ? input.httpStatus : (named ?? (typeof error.code === 'number' && error.code >= 400 ? error.code : 500));
  if (status === 400 && isInvalidKey(error.details)) status = 401;
  const headers: Record<string, string> = { ...input.headers };
  const retryAfter = retryAfterSeconds(error.details);
  if (retryAfter !== undefined && headers['retry-after'] === undefined) headers['retry-after'] = retryAfter;
  const detail = typeof error.message === 'string' && error.message !== '' ? error.message : 'no error message';
  return new UpstreamError({
    provider: input.provider,
    upstreamStatus: status,
    responseHeaders: headers,
    ...(input.responseBody === undefined ? {} : { responseBody: input.redact(input.responseBody) }),
    message: input.redact(`${input.provider} answered ${status}: ${detail}`),
    code: error.status ?? null,
  });
}

/**
 * Re-reads an `UpstreamError` the HTTP client built from a non-2xx answer as a Google error
 * (its body is already redacted); other errors (timeouts, connection failures) pass through.
 */
export function toGeminiError(error: unknown, provider: string, redact: SecretRedactor): unknown {
  if (!(error instanceof UpstreamError) || error.upstreamStatus < 400 || error.responseBody === undefined) return error;
  const parsed = safeParseJson<{ error?: unknown }>(error.responseBody);
  if (!parsed.success || !isRecord(parsed.value.error)) return error;
  return createGeminiError({
    provider,
    httpStatus: error.upstreamStatus,
    headers: error.responseHeaders,
    error: parsed.value.error as GeminiErrorBody,
    redact,
    responseBody: error.responseBody,
  });
}
