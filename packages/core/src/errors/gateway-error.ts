const marker = Symbol.for('switchyard.error.GatewayError');

/** The OpenAI error `type` values Switchyard emits. */
export type OpenAIErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'insufficient_quota'
  | 'server_error'
  | 'upstream_error'
  | 'timeout_error'
  | 'service_unavailable';

export interface GatewayErrorOptions {
  readonly status: number;
  readonly message: string;
  readonly type: OpenAIErrorType;
  readonly code?: string | null;
  readonly param?: string | null;
  /** Extra response headers, e.g. `retry-after` on a 429. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly isRetryable?: boolean;
  readonly cause?: unknown;
}

/**
 * Base class of every error Switchyard answers with. It knows its HTTP status and
 * renders into OpenAI's envelope `{ error: { message, type, param, code } }`.
 */
export class GatewayError extends Error {
  readonly [marker] = true;
  readonly status: number;
  readonly type: OpenAIErrorType;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly isRetryable: boolean;

  constructor(options: GatewayErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.status = options.status;
    this.type = options.type;
    this.code = options.code ?? null;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(value: unknown): value is GatewayError {
    return typeof value === 'object' && value !== null && marker in value;
  }

  /** OpenAI's error envelope. */
  toEnvelope(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}
