import type { OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/responses/{response_id}/input_items: this turn's input items, paged by `after`, `limit`, `order`. */
export const listInputItems: OperationHandlers<HandlerContext>['listInputItems'] = async (input, context) => {
  const responseId = input.path.response_id;
  const query = input.query ?? {};
  const page = await context.state.store.listInputItems(context.tenantId, responseId, {
    ...(query.after === undefined ? {} : { after: query.after }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    ...(query.order === undefined ? {} : { order: query.order }),
  });
  if (page === undefined) throw gatewayErrors.responseNotFound(responseId);
  return { object: 'list', ...page };
};
