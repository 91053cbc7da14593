import { settleWarnings, type GenerateRequest, type ProviderAdapter, type ServeContext, type StreamPart } from '@switchyard/core';
import { createUpstreamClient, parseJsonEvents, peekAsyncIterable } from '@switchyard/provider-utils';
import type { AnthropicMessageResponse, AnthropicStreamEvent } from './anthropic-api.js';
import { defaultAnthropicBaseURL, defaultAnthropicVersion, type AnthropicAdapterOptions } from './anthropic-config.js';
import { withAnthropicErrorCode } from './anthropic-error.js';
import { anthropicMessageToEvents } from './anthropic-message-to-events.js';
import { buildAnthropicStreamTransform } from './build-anthropic-stream-transform.js';
import { countAnthropicInputTokens } from './count-anthropic-input-tokens.js';
import { listAnthropicModels } from './list-anthropic-models.js';
import { prepareAnthropicRequest } from './prepare-anthropic-request.js';

export interface AnthropicAdapter extends ProviderAdapter {
  listModels(context: { readonly signal: AbortSignal }): Promise<readonly string[]>;
  /** Closes the pooled upstream connections (idempotent: the gateway may close it too). */
  close(): Promise<void>;
}

const isMessage = (value: unknown): value is AnthropicMessageResponse =>
  typeof value === 'object' && value !== null && Array.isArray((value as { content?: unknown }).content);

const isStreamEvent = (value: unknown): value is AnthropicStreamEvent =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/**
 * An adapter for Anthropic's Messages API (POST /v1/messages, `x-api-key`, `anthropic-version`).
 * It translates the canonical request, settles warnings (a strict-mode 400 before anything is
 * sent), and turns the answer (SSE when the client streams, JSON otherwise) into canonical parts.
 * `countInputTokens` is served natively by POST /v1/messages/count_tokens.
 */
export function createAnthropicAdapter(options: AnthropicAdapterOptions): AnthropicAdapter {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') throw new TypeError('The anthropic provider needs an apiKey.');
  const provider = options.name ?? 'anthropic';
  const client = createUpstreamClient({
    provider,
    baseURL: options.baseURL ?? defaultAnthropicBaseURL,
    headers: { ...options.headers, 'x-api-key': options.apiKey, 'anthropic-version': options.anthropicVersion ?? defaultAnthropicVersion },
    secrets: [options.apiKey],
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
  });

  const translation = { defaultMaxTokens: options.defaultMaxTokens, structuredOutput: options.structuredOutput ?? 'tool' } as const;

  async function generate(request: GenerateRequest, context: ServeContext): Promise<AsyncIterable<StreamPart>> {
    const prepared = prepareAnthropicRequest(request, { ...translation, model: context.upstreamModel, promptCaching: options.promptCaching ?? 'auto' });
    settleWarnings(prepared.warnings, context);
    const transform = buildAnthropicStreamTransform({ provider, redact: client.redact, structuredOutputToolName: prepared.structuredOutputToolName });
    const headers = { 'x-request-id': context.requestId };
    try {
      if (!request.stream) {
        const response = await client.postJson<AnthropicMessageResponse>('/messages', prepared.body, { signal: context.signal, headers, check: isMessage });
        return await peekAsyncIterable(transform(anthropicMessageToEvents(response.body as AnthropicMessageResponse)));
      }
      const stream = await client.postForEventStream('/messages', prepared.body, { signal: context.signal, headers });
      return await peekAsyncIterable(transform(parseJsonEvents<AnthropicStreamEvent>(stream.events, { check: isStreamEvent })));
    } catch (error) {
      throw withAnthropicErrorCode(error);
    }
  }

  let closing: Promise<void> | undefined;
  return {
    provider,
    operations: {
      countInputTokens: (input, context) => countAnthropicInputTokens(client, input, context, translation),
    },
    generate,
    listModels: (context) => listAnthropicModels(client, context.signal),
    close: () => (closing ??= client.close()),
  };
}
