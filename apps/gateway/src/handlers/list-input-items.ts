import type { OperationHandlers } from '@switchyard/contract';
import { routeByResponseId } from '../routing/route-by-response-id.js';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/responses/{response_id}/input_items. */
export const listInputItems: OperationHandlers<HandlerContext>['listInputItems'] = (input, context) => routeByResponseId('listInputItems', input, context);
