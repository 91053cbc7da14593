import { GatewayError } from '@switchyard/core';

/** 404: no key with this id (or it belongs to a tenant the caller cannot see). */
export class KeyNotFoundError extends GatewayError {
  constructor(keyId: string) {
    super({
      status: 404,
      type: 'not_found_error',
      code: 'key_not_found',
      param: 'key_id',
      message: `No API key with id '${keyId.slice(0, 80)}'.`,
      isRetryable: false,
    });
    this.name = 'KeyNotFoundError';
  }
}
