import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import type { RequestLogFields } from '../observability/request-log-fields.js';
import type { GatewayState } from './gateway-state.js';
import { requestIdFor } from './request-id.js';

/**
 * First in the chain: gives every request its id (`x-request-id` on every response), an
 * AbortController aborted when the client goes away, in-flight accounting for shutdown, and
 * writes one log line when the response is over.
 */
export function requestContextMiddleware(logger: Logger, lifecycle: Lifecycle): Middleware<GatewayState> {
  return async (context, next) => {
    const started = performance.now();
    const requestId = requestIdFor(context.get('x-request-id') || undefined);
    const abortController = new AbortController();
    context.state.requestId = requestId;
    context.state.abortController = abortController;
    context.set('x-request-id', requestId);
    if (lifecycle.draining) context.set('connection', 'close');

    lifecycle.requestStarted();
    const response = context.res;
    response.once('close', () => {
      const aborted = !response.writableFinished;
      if (aborted) abortController.abort(new Error('client disconnected'));
      lifecycle.requestFinished();
      const fields: RequestLogFields = {
        requestId,
        method: context.method,
        path: context.path,
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        provider: context.state.provider,
        operationId: context.state.operationId,
        aborted,
      };
      logger.info(fields, 'request');
    });
    await next();
  };
}
