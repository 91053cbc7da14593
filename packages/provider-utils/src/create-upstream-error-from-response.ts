import { UpstreamError, type OpenAIErrorType } from '@switchyard/core';
import { createSecretRedactor, type SecretRedactor } from './redact-secrets.js';
import { safeParseJson } from './safe-parse-json.js';

export interface UpstreamErrorResponse {
  /** Provider name for the message, e.g. `openai`. */
  readonly provider: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The upstream error body as text (possibly truncated); may be empty or not JSON. */
  readonly bodyText: string;
  /** Redacts secrets; defaults to the generic credential shapes only. */
  readonly redact?: SecretRedactor;
}

interface ErrorFields {
  readonly message: string | undefined;
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
}

const knownTypes: ReadonlySet<string> = new Set<OpenAIErrorType>([
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'conflict_error',
  'request_too_large',
  'rate_limit_error',
  'insufficient_quota',
  'server_error',
  'timeout_error',
  'service_unavailable',
]);

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** `detail` is a string (many servers) or a FastAPI validation list `[{msg, loc}]`. */
function detailMessage(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  if (!Array.isArray(detail)) return undefined;
  const messages = detail.map((entry) => asString(asRecord(entry)?.['msg'])).filter((message) => message !== undefined);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/**
 * Reads the common error body shapes: OpenAI `{error:{message,type,param,code}}`,
 * `{error: "text"}`, Anthropic `{type:'error', error:{type,message}}`, Mistral-style
 * `{object:'error', message, type, code}`, `{message}`, and `{detail}`.
 */
function readErrorFields(bodyText: string): ErrorFields {
  const parsed = safeParseJson(bodyText);
  if (!parsed.success) return { message: undefined, type: undefined, code: undefined, param: undefined };
  const body = parsed.value;
  const nested = asRecord(body['error']);
  const source = nested ?? body;
  return {
    message: asString(source['message']) ?? asString(body['error']) ?? asString(body['message']) ?? detailMessage(body['detail']),
    type: asString(source['type']) ?? asString(body['type']),
    code: asString(source['code']) ?? asString(body['code']),
    param: asString(source['param']),
  };
}

/**
 * Turns a non-2xx upstream answer into an `UpstreamError` that keeps the status semantics
 * (401, 403, 404, 409, 422, 429 with `retry-after`/`retry-after-ms`, 5xx, 529 → 503) and the
 * upstream's own message, type and code, with every secret redacted from message and body.
 */
export function createUpstreamErrorFromResponse(response: UpstreamErrorResponse): UpstreamError {
  const redact = response.redact ?? createSecretRedactor();
  const fields = readErrorFields(response.bodyText);
  const upstreamType = fields.type !== undefined && knownTypes.has(fields.type) ? (fields.type as OpenAIErrorType) : undefined;
  const detail = fields.message ?? (response.bodyText.trim() === '' ? 'no error body' : 'unrecognised error body');
  return new UpstreamError({
    provider: response.provider,
    upstreamStatus: response.status,
    responseHeaders: response.headers,
    responseBody: redact(response.bodyText),
    message: redact(`${response.provider} answered ${response.status}: ${detail}`),
    type: upstreamType,
    code: fields.code === undefined ? null : redact(fields.code),
    param: fields.param === undefined ? null : redact(fields.param),
  });
}
