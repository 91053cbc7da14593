import { GatewayError } from '@switchyard/core';

/** 429 `rate_limit_exceeded` carrying `Retry-After`, `retry-after-ms` and the `x-ratelimit-*` headers. */
export class RateLimitExceededError extends GatewayError {
  constructor(message: string, headers: Readonly<Record<string, string>>, isRetryable = true) {
    super({ status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', message, headers, isRetryable });
    this.name = 'RateLimitExceededError';
  }
}
