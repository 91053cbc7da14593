import { GatewayError, UpstreamError } from '@switchyard/core';
import { createUpstreamErrorFromException, type SecretRedactor } from '@switchyard/provider-utils';

/**
 * The status the gateway answers with for each Bedrock exception (non-stream errors and the five
 * ConverseStream exception members, which the SDK raises under the same class names):
 * - ModelStreamErrorException: Bedrock says 424 (a failed dependency: the model broke while
 *   streaming). An OpenAI client cannot act on 424; the gateway's upstream did fail, so 502
 *   `server_error`, retryable (AWS's own advice for it is "retry your request").
 * - ModelErrorException (424): the same reasoning, 502 retryable.
 * - ModelTimeoutException (408): the model did not answer in time → 504 `timeout_error`.
 * - ModelNotReadyException (429: the model is being loaded/scaled) → 503 retryable, so it is not
 *   confused with the caller's rate limit.
 * - ServiceQuotaExceededException (400 at Bedrock) → 429 `rate_limit_error`.
 */
const statusByName: Readonly<Record<string, number>> = {
  ValidationException: 400,
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 429,
  InternalServerException: 500,
  ModelStreamErrorException: 502,
  ModelErrorException: 502,
  ServiceUnavailableException: 503,
  ModelNotReadyException: 503,
  ModelTimeoutException: 504,
};

interface SdkErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly headers?: Record<string, string | undefined> };
}

/** The `UpstreamError` for a failure of the Bedrock SDK call or its stream; credentials never appear in it. */
export function createBedrockUpstreamError(provider: string, error: unknown, redact: SecretRedactor): GatewayError {
  if (GatewayError.isInstance(error)) return error;
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
  const name = typeof shape.name === 'string' ? shape.name : '';
  const httpStatus = shape.$metadata?.httpStatusCode;
  const mapped = statusByName[name];
  const retryAfter = shape.$response?.headers?.['retry-after'];
  const responseHeaders = retryAfter === undefined ? undefined : { 'retry-after': retryAfter };

  if (mapped === undefined && httpStatus !== undefined && httpStatus >= 300 && httpStatus < 400) {
    return new UpstreamError({
      provider,
      upstreamStatus: 502,
      type: 'upstream_error',
      code: 'upstream_redirect',
      message: `${provider}: the upstream answered with a redirect (${httpStatus}), which is never followed.`,
    });
  }
  if (mapped === undefined && (httpStatus === undefined || httpStatus < 400)) {
    // No HTTP answer at all: a transport failure (refused, reset, timeout).
    return createUpstreamErrorFromException(provider, error);
  }
  const status = mapped ?? (httpStatus as number);
  const detail = typeof shape.message === 'string' && shape.message !== '' && shape.message !== 'UnknownError' ? redact(shape.message) : undefined;
  return new UpstreamError({
    provider,
    upstreamStatus: status,
    ...(responseHeaders === undefined ? {} : { responseHeaders }),
    code: name === '' || name === 'Unknown' ? null : name,
    message: `${provider}: ${name === '' || name === 'Unknown' ? `upstream error ${status}` : name}${detail === undefined ? '' : `: ${detail}`}`,
  });
}
