import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { toOpenAIErrorEnvelope } from '../errors/to-openai-error-envelope.js';
import type { StreamFormat } from './stream-format.js';

export interface WriteEventStreamOptions {
  readonly response: ServerResponse;
  readonly format: StreamFormat;
  /** Aborted when the client disconnects: iteration stops and the iterator is closed. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly requestId: string;
  /**
   * Runs after the first event arrived and before the 200 is committed; it may still throw
   * (e.g. a strict-mode warning), which becomes a normal JSON error response.
   */
  readonly beforeCommit: () => void;
}

async function writeFrame(response: ServerResponse, frame: string, signal: AbortSignal): Promise<void> {
  if (response.write(frame)) return;
  await once(response, 'drain', { signal });
}

/**
 * Writes an async iterable as `text/event-stream`, each event flushed as it arrives.
 * An error before the first event is thrown (so the caller answers a normal JSON error with the
 * right status); after it, the error becomes the format's terminal error frame.
 */
export async function writeEventStream(events: AsyncIterable<unknown>, options: WriteEventStreamOptions): Promise<void> {
  const { response, format, signal } = options;
  const iterator = events[Symbol.asyncIterator]();
  let first: IteratorResult<unknown>;
  try {
    first = await iterator.next();
    options.beforeCommit();
  } catch (error) {
    await iterator.return?.();
    throw error;
  }

  response.statusCode = 200;
  response.setHeader('content-type', 'text/event-stream; charset=utf-8');
  response.setHeader('cache-control', 'no-cache');
  response.setHeader('connection', 'keep-alive');
  response.setHeader('x-accel-buffering', 'no');
  response.socket?.setNoDelay(true);
  response.flushHeaders();

  let current = first;
  try {
    while (current.done !== true) {
      if (signal.aborted) break;
      await writeFrame(response, format.event(current.value), signal);
      current = await iterator.next();
    }
    if (current.done === true && format.end !== undefined) await writeFrame(response, format.end, signal);
  } catch (error) {
    if (!signal.aborted) {
      const rendered = toOpenAIErrorEnvelope(error);
      const log = rendered.expected ? options.logger.warn.bind(options.logger) : options.logger.error.bind(options.logger);
      log({ requestId: options.requestId, err: error }, 'stream failed after the first event');
      if (response.writable) response.write(format.error(rendered.body.error));
    }
  } finally {
    if (current.done !== true) await iterator.return?.().catch(() => undefined);
    if (!response.writableEnded) response.end();
  }
}
