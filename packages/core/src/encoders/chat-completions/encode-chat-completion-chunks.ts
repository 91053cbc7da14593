import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import type { StreamPart } from '../../parts/stream-part.js';
import type { ChatCompletionEncoderOptions } from './chat-completion-encoder-options.js';
import { ChatCompletionMachine } from './chat-completion-machine.js';

/**
 * Canonical parts → `chat.completion.chunk` objects, in the order OpenAI sends them. The
 * `data: [DONE]` sentinel is the SSE writer's job, not the encoder's.
 *
 * Nothing is produced before the first part, so a source that throws early propagates its error
 * before any byte is written. After that, failures are thrown from the iterator as GatewayErrors
 * (the source's own error, an `error` part's error, or a 502 `upstream_error` for a source that
 * ends without `finish`): the gateway writes its terminal error frame. After `finish` the source
 * is released and later parts are ignored.
 */
export async function* encodeChatCompletionChunks(
  parts: AsyncIterable<StreamPart>,
  options: ChatCompletionEncoderOptions,
): AsyncGenerator<CreateChatCompletionStreamResponse, void, undefined> {
  const machine = new ChatCompletionMachine(options);
  const iterator = parts[Symbol.asyncIterator]();
  let sourceDone = false;
  try {
    while (!machine.finished) {
      const result = await iterator.next().catch((error: unknown) => {
        sourceDone = true;
        throw error;
      });
      if (result.done === true) {
        sourceDone = true;
        machine.end();
        return;
      }
      yield* machine.apply(result.value);
    }
  } finally {
    if (!sourceDone) await iterator.return?.();
  }
}
