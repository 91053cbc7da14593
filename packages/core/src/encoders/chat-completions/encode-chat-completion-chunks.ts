import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import type { ChatCompletionEncoderOptions } from './chat-completion-encoder-options.js';
import { pullPart } from '../shared/pull-part.js';
import { ChatCompletionMachine } from './chat-completion-machine.js';

/**
 * Canonical parts → `chat.completion.chunk` objects, in the order OpenAI sends them. The
 * `data: [DONE]` sentinel is the SSE writer's job, not the encoder's.
 *
 * Nothing is produced before the first part, so a source that throws early propagates its error
 * before any byte is written. After that, failures are thrown from the iterator as GatewayErrors
 * (the source's error, wrapped in a 502 `upstream_error` with a neutral message when it is not a
 * GatewayError; an `error` part's error; a 502 `upstream_error` for a source that ends without
 * `finish`): the gateway writes its terminal error frame. After `finish` the source
 * is released and later parts are ignored.
 */
export async function* encodeChatCompletionChunks(
  parts: AsyncIterable<StreamPart>,
  options: ChatCompletionEncoderOptions,
): AsyncGenerator<CreateChatCompletionStreamResponse, void, undefined> {
  const machine = new ChatCompletionMachine(options);
  const iterator = parts[Symbol.asyncIterator]();
  let released = false;
  try {
    while (!machine.finished) {
      const pull = await pullPart(iterator);
      if (pull.kind === 'error') {
        released = true;
        throw machine.started ? asGatewayError(pull.error) : pull.error;
      }
      if (pull.kind === 'end') {
        released = true;
        machine.end();
        return;
      }
      yield* machine.apply(pull.part);
    }
  } finally {
    if (!released) await iterator.return?.();
  }
}

function asGatewayError(error: unknown): GatewayError {
  if (GatewayError.isInstance(error)) return error;
  return new GatewayError({
    status: 502,
    type: 'upstream_error',
    message: 'The upstream provider failed while generating the response.',
    cause: error,
  });
}
