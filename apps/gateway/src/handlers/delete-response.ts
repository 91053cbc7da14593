import type { OperationHandlers } from '@switchyard/contract';
import { routeByResponseId } from '../routing/route-by-response-id.js';
import type { HandlerContext } from './handler-context.js';

/** DELETE /v1/responses/{response_id}. */
export const deleteResponse: OperationHandlers<HandlerContext>['deleteResponse'] = (input, context) => routeByResponseId('deleteResponse', input, context);
