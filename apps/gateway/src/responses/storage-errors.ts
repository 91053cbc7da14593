import { GatewayError } from '@switchyard/core';

/** The store could not take a write before anything happened: safe to retry (503). */
export function storageUnavailable(cause: unknown): GatewayError {
  if (GatewayError.isInstance(cause)) return cause;
  return new GatewayError({
    status: 503,
    type: 'service_unavailable',
    code: 'storage_unavailable',
    message: 'The response store is unavailable; nothing was created. Retry shortly.',
    isRetryable: true,
    cause,
  });
}
