import type { OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { HandlerContext } from './handler-context.js';

/**
 * DELETE /v1/responses/{response_id}: removes the response, its items and events; a background run
 * still going is stopped (its worker, on any instance, gets the cancel signal). Then GET is a 404.
 */
export const deleteResponse: OperationHandlers<HandlerContext>['deleteResponse'] = async (input, context) => {
  const responseId = input.path.response_id;
  const deleted = await context.state.store.deleteResponse(context.tenantId, responseId);
  if (!deleted) throw gatewayErrors.responseNotFound(responseId);
  await context.state.hot.cancels.publishCancel(responseId).catch((error: unknown) =>
    context.logger.warn({ requestId: context.requestId, err: error }, 'publishing the stop of a deleted response failed'),
  );
  return { id: responseId, object: 'response', deleted: true };
};
