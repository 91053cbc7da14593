import type { CreateChatCompletionResponse } from '@switchyard/contract';
import type { StreamPart } from '../../parts/stream-part.js';
import type { ChatCompletionEncoderOptions } from './chat-completion-encoder-options.js';
import { ChatCompletionMachine } from './chat-completion-machine.js';

/**
 * The non-streaming `chat.completion` for the same parts, built by the same state machine as
 * `encodeChatCompletionChunks`, so both agree. Rejects with a GatewayError wherever the stream
 * would have failed (source error, `error` part, error stop, no `finish`).
 */
export async function collectChatCompletion(
  parts: AsyncIterable<StreamPart>,
  options: ChatCompletionEncoderOptions,
): Promise<CreateChatCompletionResponse> {
  const machine = new ChatCompletionMachine(options);
  for await (const part of parts) {
    machine.apply(part);
    if (machine.finished) break;
  }
  machine.end();
  return machine.completion();
}
