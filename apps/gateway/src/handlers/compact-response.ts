import type { OperationHandlers } from '@switchyard/contract';
import { routeByModel } from '../routing/route-by-model.js';
import type { HandlerContext } from './handler-context.js';

/** POST /v1/responses/compact, routed by `provider/model`. */
export const compactResponse: OperationHandlers<HandlerContext>['compactResponse'] = (input, context) => routeByModel('compactResponse', input, context);
