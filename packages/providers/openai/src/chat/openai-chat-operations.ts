import { peekAsyncIterable } from '@switchyard/provider-utils';
import type { NativeHandler, NativeResult } from '../native-handler.js';
import type { OpenAIConfig } from '../openai-config.js';
import { prepareUpstreamBody } from '../prepare-upstream-body.js';
import { relayChatChunks } from './relay-chat-chunks.js';

export interface OpenAIChatOperations {
  readonly createChatCompletion: NativeHandler<'createChatCompletion'>;
}

/** Chat Completions, relayed to an OpenAI-shaped upstream as they are. */
export function createOpenAIChatOperations(config: OpenAIConfig): OpenAIChatOperations {
  const { client } = config;
  return {
    createChatCompletion: async (input, context) => {
      const model = config.resolveModel(context.upstreamModel);
      const upstreamBody = prepareUpstreamBody(input.body, model);
      const path = config.chatCompletionsPath(model);
      const options = { signal: context.signal, headers: config.requestHeaders(context) };
      if (upstreamBody['stream'] !== true) {
        return (await client.postJson(path, upstreamBody, options)).body as NativeResult<'createChatCompletion'>;
      }
      const stream = await client.postForEventStream(path, upstreamBody, options);
      return (await peekAsyncIterable(relayChatChunks(config, stream.events))) as NativeResult<'createChatCompletion'>;
    },
  };
}
