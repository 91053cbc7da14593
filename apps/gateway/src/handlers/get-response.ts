import type { OperationHandlers } from '@switchyard/contract';
import { routeByResponseId } from '../routing/route-by-response-id.js';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/responses/{response_id} (JSON, or SSE replay with `stream=true`). */
export const getResponse: OperationHandlers<HandlerContext>['getResponse'] = (input, context) => routeByResponseId('getResponse', input, context);
