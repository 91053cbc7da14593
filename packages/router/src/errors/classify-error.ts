import { GatewayError, UpstreamError } from '@switchyard/core';

/** Why an attempt failed, as far as routing is concerned. */
export type ErrorClass =
  | 'rate_limit'
  | 'server_error'
  | 'timeout'
  | 'connection'
  | 'conflict'
  | 'context_window_exceeded'
  | 'content_policy'
  | 'client_error'
  | 'aborted'
  | 'internal';

/** Classes after which the same deployment may be retried or the next one tried. */
export const transientErrorClasses: ReadonlySet<ErrorClass> = new Set(['rate_limit', 'server_error', 'timeout', 'connection', 'conflict']);

const contextWindowCodes = new Set(['context_length_exceeded', 'context_window_exceeded', 'string_above_max_length', 'prompt_too_long']);
const contextWindowMessages = [
  /context[ _-]?(length|window)/i, // OpenAI: "maximum context length is …", others: "context window exceeded"
  /prompt is too long/i, // Anthropic: "prompt is too long: 210000 tokens > 200000 maximum"
  /input token count .* exceeds the maximum/i, // Gemini: "The input token count (…) exceeds the maximum number of tokens allowed (…)"
  /exceeds the maximum number of tokens/i,
  /too many (input )?tokens/i,
  /input is too long/i, // Bedrock: "Input is too long for requested model."
  /maximum (input )?tokens? (limit|exceeded)/i,
];
const contentPolicyCodes = new Set(['content_policy_violation', 'content_filter', 'content_filtered', 'safety', 'refusal', 'moderation_blocked']);
const contentPolicyMessages = [/content (management )?policy/i, /content[ _]filter/i, /flagged by (our )?(moderation|safety)/i, /blocked (due to|because of|for) safety/i, /\brefus(ed|al)\b/i];
const connectionCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function nodeErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionCodes.has(code) || timeoutCodes.has(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageMatches(message: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(message));
}

function classifyGatewayError(error: GatewayError): ErrorClass {
  const code = error.code ?? '';
  const body = error instanceof UpstreamError ? `${error.message} ${error.responseBody ?? ''}` : error.message;
  if (error.status === 400 || error.status === 413 || error.status === 422) {
    if (contextWindowCodes.has(code) || messageMatches(body, contextWindowMessages)) return 'context_window_exceeded';
    if (contentPolicyCodes.has(code) || messageMatches(body, contentPolicyMessages)) return 'content_policy';
  }
  // These codes say it whatever the status: OpenAI sends `context_length_exceeded` as a stream `error` event too.
  if (contextWindowCodes.has(code)) return 'context_window_exceeded';
  if (contentPolicyCodes.has(code)) return 'content_policy';
  if (error instanceof UpstreamError && error.upstreamStatus === 0) {
    const code = nodeErrorCode(error);
    return code !== undefined && timeoutCodes.has(code) ? 'timeout' : 'connection';
  }
  if (error.status === 429) return 'rate_limit';
  if (error.status === 408 || error.status === 504 || error.type === 'timeout_error') return 'timeout';
  if (error.status === 409) return 'conflict';
  if (error.status >= 500) return 'server_error';
  if (error.status >= 400) return 'client_error';
  return error.isRetryable ? 'server_error' : 'internal';
}

/**
 * Classifies an attempt's failure: rate limit, 5xx, timeout, connection reset, context window
 * exceeded (OpenAI `context_length_exceeded`, Anthropic "prompt is too long", Gemini and Bedrock
 * token-limit messages), content-policy refusal, other client errors, the caller's abort.
 */
export function classifyError(error: unknown, signal?: AbortSignal): ErrorClass {
  if (signal?.aborted === true) return 'aborted';
  if (GatewayError.isInstance(error)) return classifyGatewayError(error);
  const code = nodeErrorCode(error);
  if (code !== undefined) return timeoutCodes.has(code) ? 'timeout' : 'connection';
  if (error instanceof Error && (error.name === 'TimeoutError')) return 'timeout';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  return 'internal';
}
