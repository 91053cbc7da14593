import { GatewayError } from '@switchyard/core';

/** Cancel was asked for a response that was not created with `background: true`. */
export class ResponseNotCancellableError extends GatewayError {
  constructor() {
    super({
      status: 400,
      type: 'invalid_request_error',
      code: 'response_not_cancellable',
      param: null,
      message: 'Only responses created with background set to true can be cancelled.',
      isRetryable: false,
    });
    this.name = 'ResponseNotCancellableError';
  }
}
