import type { OperationHandlers } from '@switchyard/contract';
import type { HandlerContext } from './handler-context.js';

/** GET /healthz: the process is up. */
export const getHealth: OperationHandlers<HandlerContext>['getHealth'] = async () => ({ status: 'ok' });
