import { GatewayError } from '@switchyard/core';

/** A bad `after` cursor or `limit` when paging input items. */
export class InvalidListParameterError extends GatewayError {
  constructor(param: 'after' | 'limit' | 'order', message: string) {
    super({ status: 400, type: 'invalid_request_error', code: 'invalid_parameter', param, message, isRetryable: false });
    this.name = 'InvalidListParameterError';
  }
}
