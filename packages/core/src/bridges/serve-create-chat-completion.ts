import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  ResponseStreamEvent,
} from '@switchyard/contract';
import type { ChatCompletionEncoderOptions } from '../encoders/chat-completions/chat-completion-encoder-options.js';
import { collectChatCompletion } from '../encoders/chat-completions/collect-chat-completion.js';
import { encodeChatCompletionChunks } from '../encoders/chat-completions/encode-chat-completion-chunks.js';
import { responseEventsToParts } from '../transforms/response-events-to-parts.js';
import { responseToParts } from '../transforms/response-to-parts.js';
import { applyChatCapabilities } from './apply-chat-capabilities.js';
import type { BridgeableAdapter, ServeContext } from './bridgeable-adapter.js';
import { settleWarnings } from './settle-warnings.js';
import { unsupportedOperationError } from './unsupported-operation-error.js';
import { isAsyncIterable } from './is-async-iterable.js';
import { partsFromArray } from './parts-from-array.js';
import { convertChatRequestToResponses } from './convert-chat-request-to-responses.js';
import { startStream } from './start-stream.js';
import { pickChatOnlyParameters } from './pick-chat-only-parameters.js';

export interface ServeCreateChatCompletionOptions {
  /** The gateway's `chatcmpl-…` id. */
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  /** The model as the client named it. */
  readonly model: string;
  /** Expose reasoning as `reasoning_content` (DeepSeek-style clients); default: left out. */
  readonly reasoningField?: 'reasoning_content';
  readonly generateId?: (prefix: string) => string;
}

/**
 * Serves `POST /v1/chat/completions` with any adapter: natively when it has
 * `createChatCompletion` (the adapter removes what its provider cannot take, with warnings;
 * strict mode is checked here first); from its canonical parts when it has `generate`; else through `createResponse` (request bridge →
 * Responses → parts → chat encoder). Errors before the first output reject the promise.
 */
export async function serveCreateChatCompletion(
  adapter: BridgeableAdapter,
  input: { readonly body: CreateChatCompletionRequest; readonly headers?: { readonly 'x-switchyard-strict'?: 'true' | 'false' } },
  context: ServeContext,
  options: ServeCreateChatCompletionOptions,
): Promise<CreateChatCompletionResponse | AsyncIterable<CreateChatCompletionStreamResponse>> {
  const native = adapter.operations.createChatCompletion;
  if (native !== undefined) {
    if (context.strict === true && adapter.chatCapabilitiesFor !== undefined) {
      const { warnings } = applyChatCapabilities(input.body, adapter.chatCapabilitiesFor(context.upstreamModel), { target: adapter.provider });
      settleWarnings(warnings, { ...context, warnings: [] });
    }
    return native(input, context);
  }
  const encoderOptions: ChatCompletionEncoderOptions = {
    id: options.id,
    created: options.created,
    model: options.model,
    includeUsage: input.body.stream_options?.include_usage === true,
    ...(options.reasoningField === undefined ? {} : { reasoningField: options.reasoningField }),
    ...(options.generateId === undefined ? {} : { generateId: options.generateId }),
  };
  const stream = input.body.stream === true;

  if (adapter.generate !== undefined) {
    // Chat-only sampling parameters travel beside the canonical request; the adapter warns about
    // the ones its provider cannot take, so the bridge's own warnings for them are not repeated.
    const converted = convertChatRequestToResponses(input.body);
    const chatParameters = pickChatOnlyParameters(input.body);
    const carried = new Set<string>(Object.keys(chatParameters));
    settleWarnings(
      converted.warnings.filter((warning) => warning.type !== 'unsupported-parameter' || !carried.has(warning.parameter)),
      context,
    );
    const parts = await adapter.generate(
      { body: { ...converted.request, model: context.upstreamModel }, chatParameters, stream },
      context,
    );
    if (stream) return startStream(encodeChatCompletionChunks(parts, encoderOptions));
    return collectChatCompletion(parts, encoderOptions);
  }

  const createResponse = adapter.operations.createResponse;
  if (createResponse === undefined) throw unsupportedOperationError(adapter.provider, '/v1/chat/completions');

  const converted = convertChatRequestToResponses(input.body);
  settleWarnings(converted.warnings, context);
  const result = await createResponse({ body: { ...converted.request, model: context.upstreamModel } }, context);
  const parts = isAsyncIterable<ResponseStreamEvent>(result)
    ? responseEventsToParts(result, { provider: adapter.provider })
    : partsFromArray(responseToParts(result, { provider: adapter.provider }));
  if (stream) return startStream(encodeChatCompletionChunks(parts, encoderOptions));
  return collectChatCompletion(parts, encoderOptions);
}
