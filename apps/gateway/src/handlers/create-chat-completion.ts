import type { OperationHandlers } from '@switchyard/contract';
import { routeByModel } from '../routing/route-by-model.js';
import type { HandlerContext } from './handler-context.js';

/** POST /v1/chat/completions, routed by `provider/model`. */
export const createChatCompletion: OperationHandlers<HandlerContext>['createChatCompletion'] = (input, context) => routeByModel('createChatCompletion', input, context);
