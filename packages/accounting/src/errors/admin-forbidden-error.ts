import { GatewayError } from '@switchyard/core';

/** 403: the admin API was called with something other than the master key. */
export class AdminForbiddenError extends GatewayError {
  constructor() {
    super({
      status: 403,
      type: 'permission_error',
      code: 'admin_key_required',
      message: 'The admin API accepts only the master key; this key may not read or change keys or usage.',
      isRetryable: false,
    });
    this.name = 'AdminForbiddenError';
  }
}
