import { GatewayError, UpstreamError } from '@switchyard/core';

const timeoutCodes: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connecting took too long',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  ETIMEDOUT: 'connecting took too long',
};

const connectionCodes: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the upstream',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_DESTROYED: 'connection destroyed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response shorter than announced',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
};

/** Finds the first `code` along an error's cause chain (undici wraps socket errors). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps a failure to reach or read an upstream to an `UpstreamError`: timeouts → 504
 * `timeout_error`, refused/reset/DNS/TLS → 502; all retryable. The message names the
 * provider and the failure kind only, never a URL (which may carry `?key=`), and the
 * original error is kept out of `cause` so that no logger serialises its text.
 * A `GatewayError` passes through unchanged.
 */
export function createUpstreamErrorFromException(provider: string, error: unknown): GatewayError {
  if (GatewayError.isInstance(error)) return error;
  const code = errorCode(error);
  const timeout = code === undefined ? undefined : timeoutCodes[code];
  if (timeout !== undefined) {
    // No upstream status exists for a timeout; 504 is the status the gateway answers with.
    return new UpstreamError({ provider, upstreamStatus: 504, type: 'timeout_error', code: 'upstream_timeout', message: `${provider}: ${timeout}.` });
  }
  const failure = (code === undefined ? undefined : connectionCodes[code]) ?? 'connection failed';
  return new UpstreamError({
    provider,
    upstreamStatus: 0,
    type: 'upstream_error',
    code: 'upstream_connection_error',
    message: `${provider}: ${failure}${code === undefined ? '' : ` (${code})`}.`,
  });
}
