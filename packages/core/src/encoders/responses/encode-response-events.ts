import type { ResponseStreamEvent } from '@switchyard/contract';
import type { StreamPart } from '../../parts/stream-part.js';
import { pullPart } from '../shared/pull-part.js';
import type { ResponseEncoderOptions } from './response-encoder-options.js';
import { ResponseEventMachine } from './response-event-machine.js';

/**
 * Canonical parts → Responses API stream events, in the order OpenAI sends them.
 *
 * - Nothing is produced before the first part arrives: if the source throws before that, the
 *   error propagates unchanged (the gateway can still retry, fall back or answer with a status).
 * - Once the stream has begun, a source error or an `error` part becomes `response.failed`; a
 *   source that ends without `finish` becomes `response.failed` ("upstream stream ended
 *   unexpectedly"). Open items are closed as `incomplete` first.
 * - After the terminal event the source is released (`return()`) and later parts are ignored.
 */
export async function* encodeResponseEvents(
  parts: AsyncIterable<StreamPart>,
  options: ResponseEncoderOptions,
): AsyncGenerator<ResponseStreamEvent, void, undefined> {
  const iterator = parts[Symbol.asyncIterator]();
  let released = false;
  try {
    let pull = await pullPart(iterator);
    if (pull.kind === 'error') {
      released = true;
      throw pull.error;
    }
    const machine = new ResponseEventMachine(options);
    yield* machine.start();
    while (!machine.finished) {
      if (pull.kind === 'part') {
        yield* machine.apply(pull.part);
        if (machine.finished) break;
        pull = await pullPart(iterator);
      } else if (pull.kind === 'error') {
        released = true;
        yield* machine.fail(pull.error);
      } else {
        released = true;
        yield* machine.end();
      }
    }
  } finally {
    if (!released) await iterator.return?.();
  }
}
