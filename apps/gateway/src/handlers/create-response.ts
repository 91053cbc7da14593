import type { OperationHandlers } from '@switchyard/contract';
import { routeByModel } from '../routing/route-by-model.js';
import type { HandlerContext } from './handler-context.js';

/** POST /v1/responses, routed by `provider/model`. */
export const createResponse: OperationHandlers<HandlerContext>['createResponse'] = (input, context) => routeByModel('createResponse', input, context);
