import { GatewayError } from '@switchyard/core';

/** 400: an admin request body or query parameter is missing, of the wrong type or unknown. */
export class InvalidAdminRequestError extends GatewayError {
  constructor(message: string, param: string | null) {
    super({ status: 400, type: 'invalid_request_error', code: 'invalid_value', param, message, isRetryable: false });
    this.name = 'InvalidAdminRequestError';
  }
}
