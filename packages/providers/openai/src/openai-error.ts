import { UpstreamError } from '@switchyard/core';
import type { SecretRedactor } from '@switchyard/provider-utils';

/** An error reported inside a 200 stream: a Responses `error` event, `response.error`, or a chat chunk's `error`. */
export interface OpenAIStreamErrorPayload {
  readonly message?: unknown;
  readonly type?: unknown;
  readonly code?: unknown;
  readonly param?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The status an in-stream error would have had as an HTTP answer, from its `code`/`type`.
 * Unknown codes count as a server error (retryable), which is how OpenAI labels most of them.
 */
function statusFor(code: string | undefined, type: string | undefined): number {
  const label = `${code ?? ''} ${type ?? ''}`;
  if (/rate_limit|insufficient_quota|slow_down/.test(label)) return 429;
  if (/overloaded|unavailable/.test(label)) return 503;
  if (/invalid|context_length|not_supported|unsupported|bad_request/.test(label)) return 400;
  if (/not_found/.test(label)) return 404;
  return 500;
}

/** Builds an `UpstreamError` from an error the upstream reported inside an event stream. */
export function createOpenAIStreamError(provider: string, payload: OpenAIStreamErrorPayload, redact: SecretRedactor): UpstreamError {
  const code = text(payload.code);
  const type = text(payload.type);
  const message = text(payload.message) ?? 'stream error without a message';
  return new UpstreamError({
    provider,
    upstreamStatus: statusFor(code, type),
    message: redact(`${provider} reported an error in the stream: ${message}`),
    code: code === undefined ? null : redact(code),
    param: text(payload.param) ?? null,
  });
}
