import type { OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { HandlerContext } from './handler-context.js';

/** GET /readyz: 200 while serving, 503 once shutdown has begun (load balancers stop sending). */
export const getReadiness: OperationHandlers<HandlerContext>['getReadiness'] = async (_input, context) => {
  if (context.lifecycle.draining) throw gatewayErrors.shuttingDown();
  return { status: 'ok' };
};
