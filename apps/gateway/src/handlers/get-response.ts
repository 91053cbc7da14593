import type { OperationHandlers } from '@switchyard/contract';
import { GatewayError } from '@switchyard/core';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { applyInclude } from '../responses/apply-include.js';
import { followStoredResponse } from '../responses/follow-stored-response.js';
import type { HandlerContext } from './handler-context.js';

/** `stream=true` on a response that was not created with `background: true` (as at OpenAI: 400). */
function notStreamable(responseId: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: null,
    param: 'stream',
    message: `Response '${responseId}' was not created with background: true. Only background responses can be streamed after creation; retrieve it without stream=true.`,
  });
}

/**
 * GET /v1/responses/{response_id}: the stored object (with `include` options), or with
 * `stream=true` (background responses only: anything else is a 400 naming `stream`) its stored
 * events after `starting_after` followed by live ones (from any instance). Unknown, deleted and
 * other tenants' ids are the same 404.
 */
export const getResponse: OperationHandlers<HandlerContext>['getResponse'] = async (input, context) => {
  const responseId = input.path.response_id;
  if (input.query?.stream === true) {
    const stored = await context.state.store.getResponse(context.tenantId, responseId);
    if (stored === undefined) throw gatewayErrors.responseNotFound(responseId);
    if (!stored.background) throw notStreamable(responseId);
    const followed = await followStoredResponse(context, responseId, input.query.starting_after);
    if (followed === undefined) throw gatewayErrors.responseNotFound(responseId);
    return followed;
  }
  const stored = await context.state.store.getResponse(context.tenantId, responseId);
  if (stored?.snapshot === undefined || stored.snapshot === null) throw gatewayErrors.responseNotFound(responseId);
  return applyInclude(stored.snapshot, input.query?.include);
};
