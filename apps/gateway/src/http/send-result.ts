import type { Logger } from 'pino';
import { chatStreamFormat, responsesStreamFormat } from '../sse/stream-format.js';
import { writeEventStream } from '../sse/write-event-stream.js';
import type { GatewayContext } from './gateway-state.js';

export interface SendResultOptions {
  readonly logger: Logger;
  /** Reports warnings (or throws in strict mode) while headers can still be set. */
  readonly reportWarnings: (setHeader: (name: string, value: string) => void) => void;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Sends a handler's result: an async iterable as SSE, anything else as a 200 JSON body. */
export async function sendResult(context: GatewayContext, operationId: string, result: unknown, options: SendResultOptions): Promise<void> {
  if (!isAsyncIterable(result)) {
    options.reportWarnings((name, value) => context.set(name, value));
    context.status = 200;
    context.body = result as object;
    return;
  }
  await writeEventStream(result, {
    response: context.res,
    format: operationId === 'createChatCompletion' ? chatStreamFormat() : responsesStreamFormat(),
    signal: context.state.abortController.signal,
    logger: options.logger,
    requestId: context.state.requestId,
    beforeCommit: () => {
      options.reportWarnings((name, value) => context.res.setHeader(name, value));
      // From here on the stream owns the response; Koa must not write it again.
      context.respond = false;
    },
  });
}
