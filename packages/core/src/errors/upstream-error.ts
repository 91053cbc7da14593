import { GatewayError, type OpenAIErrorType } from './gateway-error.js';

export interface UpstreamErrorOptions {
  /** Provider name, e.g. `openai`. Never a URL with credentials. */
  readonly provider: string;
  /** Status the upstream answered with; 0 for a connection-level failure. */
  readonly upstreamStatus: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** The upstream body, already stripped of anything secret. */
  readonly responseBody?: string;
  readonly message: string;
  readonly code?: string | null;
  readonly param?: string | null;
  readonly type?: OpenAIErrorType;
  readonly cause?: unknown;
}

const retryableStatuses = new Set([408, 409, 429]);

/** Maps an upstream status to the status the gateway answers with. */
function clientStatusFor(upstreamStatus: number): number {
  if (upstreamStatus === 0) return 502;
  if (upstreamStatus === 529) return 503; // Anthropic "overloaded"
  if (upstreamStatus >= 400 && upstreamStatus < 600) return upstreamStatus;
  return 502;
}

function typeFor(status: number): OpenAIErrorType {
  if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status === 503) return 'service_unavailable';
  if (status === 504 || status === 408) return 'timeout_error';
  return 'server_error';
}

/**
 * An error answered by (or on the way to) an upstream provider. Status semantics are kept
 * (401, 403, 404, 429 with Retry-After, 5xx); connection failures become 502.
 */
export class UpstreamError extends GatewayError {
  readonly provider: string;
  readonly upstreamStatus: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string | undefined;

  constructor(options: UpstreamErrorOptions) {
    const status = clientStatusFor(options.upstreamStatus);
    const headers: Record<string, string> = {};
    const retryAfter = options.responseHeaders?.['retry-after'];
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    const retryAfterMs = options.responseHeaders?.['retry-after-ms'];
    if (retryAfterMs !== undefined) headers['retry-after-ms'] = retryAfterMs;
    super({
      status,
      message: options.message,
      type: options.type ?? typeFor(status),
      code: options.code ?? null,
      param: options.param ?? null,
      headers,
      isRetryable:
        options.upstreamStatus === 0 || retryableStatuses.has(options.upstreamStatus) || options.upstreamStatus >= 500,
      cause: options.cause,
    });
    this.name = 'UpstreamError';
    this.provider = options.provider;
    this.upstreamStatus = options.upstreamStatus;
    this.responseHeaders = options.responseHeaders ?? {};
    this.responseBody = options.responseBody;
  }
}
