import { GatewayError } from '@switchyard/core';

/**
 * `previous_response_id` names nothing this tenant may chain onto: unknown, another tenant's,
 * deleted, stored with `store: false`, or with a missing ancestor. Every case reads the same.
 */
export class PreviousResponseNotFoundError extends GatewayError {
  readonly previousResponseId: string;

  constructor(previousResponseId: string) {
    super({
      status: 400,
      type: 'invalid_request_error',
      code: 'previous_response_not_found',
      param: 'previous_response_id',
      message: `Previous response with id '${previousResponseId.slice(0, 200)}' not found.`,
      isRetryable: false,
    });
    this.name = 'PreviousResponseNotFoundError';
    this.previousResponseId = previousResponseId;
  }
}
