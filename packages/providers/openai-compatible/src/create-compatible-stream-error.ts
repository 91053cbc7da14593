import { UpstreamError } from '@switchyard/core';
import type { SecretRedactor } from '@switchyard/provider-utils';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The HTTP status an in-stream error stands for: a numeric `code` (OpenRouter) or words in `code`/`type`. */
function statusFor(code: unknown, type: string | undefined): number {
  if (typeof code === 'number' && code >= 400 && code < 600) return code;
  const label = `${text(code) ?? ''} ${type ?? ''}`;
  if (/rate_limit|too_many|quota/.test(label)) return 429;
  if (/overloaded|unavailable|capacity/.test(label)) return 503;
  if (/invalid|context_length|not_supported|unsupported|bad_request/.test(label)) return 400;
  return 500;
}

/** An error a compatible provider reported inside its 200 stream (or 200 JSON body). */
export function createCompatibleStreamError(provider: string, error: unknown, redact: SecretRedactor): UpstreamError {
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : { message: error };
  const type = text(fields['type']);
  const code = text(fields['code']);
  return new UpstreamError({
    provider,
    upstreamStatus: statusFor(fields['code'], type),
    message: redact(`${provider} reported an error: ${text(fields['message']) ?? 'no message'}`),
    code: code === undefined ? null : redact(code),
    param: text(fields['param']) ?? null,
  });
}
