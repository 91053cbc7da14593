import { GatewayError } from '@switchyard/core';

/** 403 `model_not_allowed`: the key's allow-list does not name this model. */
export class ModelNotAllowedError extends GatewayError {
  constructor(model: string) {
    super({
      status: 403,
      type: 'permission_error',
      code: 'model_not_allowed',
      param: 'model',
      message: `This key is not allowed to use the model '${model.slice(0, 256)}'.`,
      isRetryable: false,
    });
    this.name = 'ModelNotAllowedError';
  }
}
