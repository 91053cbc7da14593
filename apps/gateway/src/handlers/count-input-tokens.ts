import type { OperationHandlers } from '@switchyard/contract';
import { routeByModel } from '../routing/route-by-model.js';
import type { HandlerContext } from './handler-context.js';

/** POST /v1/responses/input_tokens, routed by `provider/model`. */
export const countInputTokens: OperationHandlers<HandlerContext>['countInputTokens'] = (input, context) => routeByModel('countInputTokens', input, context);
