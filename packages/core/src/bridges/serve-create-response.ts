import type { CreateChatCompletionStreamResponse, CreateResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { collectResponse } from '../encoders/responses/collect-response.js';
import { encodeResponseEvents } from '../encoders/responses/encode-response-events.js';
import type { ResponseEncoderOptions } from '../encoders/responses/response-encoder-options.js';
import { chatChunksToParts } from '../transforms/chat-chunks-to-parts.js';
import { chatCompletionToParts } from '../transforms/chat-completion-to-parts.js';
import type { BridgeableAdapter, ServeContext } from './bridgeable-adapter.js';
import { settleWarnings } from './settle-warnings.js';
import { unsupportedOperationError } from './unsupported-operation-error.js';
import { isAsyncIterable } from './is-async-iterable.js';
import { partsFromArray } from './parts-from-array.js';
import { openAIChatCapabilities } from './chat-capabilities.js';
import { convertResponsesRequestToChat } from './convert-responses-request-to-chat.js';
import { startStream } from './start-stream.js';

export interface ServeCreateResponseOptions {
  /** The gateway's `resp_…` id. */
  readonly responseId: string;
  /** Unix seconds. */
  readonly createdAt: number;
  /** The model as the client named it, e.g. `groq/llama-3.3-70b`. */
  readonly model: string;
  /** Item id maker handed to the encoder (tests pass a sequential one). */
  readonly generateId?: (prefix: string) => string;
}

/**
 * Serves `POST /v1/responses` with any adapter: natively when it has `createResponse`; from its
 * canonical parts when it has `generate` (Anthropic, Gemini, …); else through its `createChatCompletion` (request bridge → chat → parts → Responses encoder).
 * Errors before the first output reject the promise; later ones end the stream with
 * `response.failed`. Bridge warnings go to `context.warnings` (a 400 in strict mode).
 */
export async function serveCreateResponse(
  adapter: BridgeableAdapter,
  input: { readonly body: CreateResponse; readonly headers?: { readonly 'x-switchyard-strict'?: 'true' | 'false' } },
  context: ServeContext,
  options: ServeCreateResponseOptions,
): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const native = adapter.operations.createResponse;
  if (native !== undefined) return native(input, context);

  const encoderOptions: ResponseEncoderOptions = {
    responseId: options.responseId,
    createdAt: options.createdAt,
    model: options.model,
    request: input.body,
    ...(options.generateId === undefined ? {} : { generateId: options.generateId }),
  };
  if (adapter.generate !== undefined) {
    const stream = input.body.stream === true;
    const parts = await adapter.generate({ body: { ...input.body, model: context.upstreamModel }, stream }, context);
    if (stream) return startStream(encodeResponseEvents(parts, encoderOptions));
    return collectResponse(parts, encoderOptions);
  }

  const createChatCompletion = adapter.operations.createChatCompletion;
  if (createChatCompletion === undefined) throw unsupportedOperationError(adapter.provider, '/v1/responses');

  const capabilities = adapter.chatCapabilitiesFor?.(context.upstreamModel) ?? openAIChatCapabilities;
  const converted = convertResponsesRequestToChat(input.body, { capabilities, target: adapter.provider });
  settleWarnings(converted.warnings, context);
  // The bridge is the adapter's client and always wants usage. The conversion drops
  // `stream_options` quietly where the provider reports usage anyway; ask again so the adapter
  // relays that usage (its own capability pass removes the option from the upstream body).
  const usageAlways = converted.request.stream === true && converted.request.stream_options === undefined && capabilities.streamUsageAlways;
  const body = { ...converted.request, model: context.upstreamModel, ...(usageAlways ? { stream_options: { include_usage: true } } : {}) };
  const result = await createChatCompletion({ body }, context);

  const parts = isAsyncIterable<CreateChatCompletionStreamResponse>(result)
    ? chatChunksToParts(result, { provider: adapter.provider })
    : partsFromArray(chatCompletionToParts(result));
  if (input.body.stream === true) return startStream(encodeResponseEvents(parts, encoderOptions));
  return collectResponse(parts, encoderOptions);
}
