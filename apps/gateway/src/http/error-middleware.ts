import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { toOpenAIErrorEnvelope } from '../errors/to-openai-error-envelope.js';
import type { GatewayState } from './gateway-state.js';

/** Renders every failure below it in OpenAI's envelope; unexpected ones are logged, never echoed. */
export function errorMiddleware(logger: Logger): Middleware<GatewayState> {
  return async (context, next) => {
    try {
      await next();
    } catch (error) {
      const rendered = toOpenAIErrorEnvelope(error);
      if (context.state.abortController.signal.aborted) {
        // The client went away first; whatever failed after that is a consequence, not a fault.
        logger.debug({ requestId: context.state.requestId, err: error }, 'request ended after the client disconnected');
      } else if (!rendered.expected) {
        logger.error({ err: error, requestId: context.state.requestId }, 'unexpected error');
      } else if (rendered.status >= 500) {
        logger.warn({ requestId: context.state.requestId, status: rendered.status, error: rendered.body.error }, 'upstream or gateway failure');
      }
      if (context.headerSent || !context.writable) {
        context.res.destroy();
        return;
      }
      context.status = rendered.status;
      for (const [name, value] of Object.entries(rendered.headers)) context.set(name, value);
      context.body = rendered.body;
    }
  };
}
