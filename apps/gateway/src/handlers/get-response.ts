import type { OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { applyInclude } from '../responses/apply-include.js';
import { followStoredResponse } from '../responses/follow-stored-response.js';
import type { HandlerContext } from './handler-context.js';

/**
 * GET /v1/responses/{response_id}: the stored object (with `include` options), or with
 * `stream=true` its stored events after `starting_after` followed by live ones (from any instance).
 * Unknown, deleted and other tenants' ids are the same 404.
 */
export const getResponse: OperationHandlers<HandlerContext>['getResponse'] = async (input, context) => {
  const responseId = input.path.response_id;
  if (input.query?.stream === true) {
    const followed = await followStoredResponse(context, responseId, input.query.starting_after);
    if (followed === undefined) throw gatewayErrors.responseNotFound(responseId);
    return followed;
  }
  const stored = await context.state.store.getResponse(context.tenantId, responseId);
  if (stored?.snapshot === undefined || stored.snapshot === null) throw gatewayErrors.responseNotFound(responseId);
  return applyInclude(stored.snapshot, input.query?.include);
};
