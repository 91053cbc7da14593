import type { OperationHandlers } from '@switchyard/contract';
import { routeByResponseId } from '../routing/route-by-response-id.js';
import type { HandlerContext } from './handler-context.js';

/** POST /v1/responses/{response_id}/cancel. */
export const cancelResponse: OperationHandlers<HandlerContext>['cancelResponse'] = (input, context) => routeByResponseId('cancelResponse', input, context);
