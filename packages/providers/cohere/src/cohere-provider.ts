import { settleWarnings, type ProviderAdapter, type StreamPart } from '@switchyard/core';
import { createUpstreamClient, parseJsonEvents, peekAsyncIterable } from '@switchyard/provider-utils';
import type { CohereChatResponse, CohereStreamEvent } from './cohere-api.js';
import {
  defaultCohereBaseURL,
  defaultSupportsThinking,
  defaultSupportsVision,
  deriveModelsBaseURL,
  type CohereAdapterOptions,
} from './cohere-config.js';
import { mapCohereError } from './cohere-error.js';
import { cohereEventsToParts } from './cohere-events-to-parts.js';
import { cohereResponseToParts } from './cohere-response-to-parts.js';
import { listCohereModels } from './list-cohere-models.js';
import { prepareCohereChatBody } from './prepare-cohere-chat-body.js';

export interface CohereAdapter extends ProviderAdapter {
  readonly generate: NonNullable<ProviderAdapter['generate']>;
  listModels(context: { readonly signal: AbortSignal }): Promise<readonly string[]>;
  /** Closes the pooled upstream connections (idempotent). */
  close(): Promise<void>;
}

const isChatResponse = (value: unknown): value is CohereChatResponse => typeof value === 'object' && value !== null && !Array.isArray(value);

async function* fromArray(parts: readonly StreamPart[]): AsyncGenerator<StreamPart> {
  yield* parts;
}

/**
 * A translating adapter for Cohere's v2 Chat API: `POST {baseURL}/chat` (JSON, or SSE with
 * `stream: true`), bearer auth, and `GET /v1/models` for the model list. Both gateway endpoints
 * are served from its canonical parts by core's encoders.
 */
export function createCohereAdapter(options: CohereAdapterOptions): CohereAdapter {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') throw new TypeError('The cohere provider needs an apiKey.');
  const provider = options.name ?? 'cohere';
  const baseURL = options.baseURL ?? defaultCohereBaseURL;
  const supportsVision = options.supportsVision ?? defaultSupportsVision;
  const supportsThinking = options.supportsThinking ?? defaultSupportsThinking;
  const clientOptions = {
    provider,
    headers: { ...options.headers, authorization: `Bearer ${options.apiKey}` },
    secrets: [options.apiKey],
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
  };
  const client = createUpstreamClient({ ...clientOptions, baseURL });
  const modelsClient = createUpstreamClient({ ...clientOptions, baseURL: options.modelsBaseURL ?? deriveModelsBaseURL(baseURL) });
  // Closing twice (the gateway closes adapters on shutdown, tests close them too) is harmless.
  let closing: Promise<void> | undefined;

  return {
    provider,
    operations: {},
    generate: async (request, context) => {
      const model = context.upstreamModel;
      const prepared = prepareCohereChatBody({
        body: request.body,
        chatParameters: request.chatParameters,
        model,
        stream: request.stream,
        traits: { vision: supportsVision(model), thinking: supportsThinking(model) },
      });
      settleWarnings(prepared.warnings, context);
      try {
        if (!request.stream) {
          const response = await client.postJson<CohereChatResponse>('/chat', prepared.request, { signal: context.signal, check: isChatResponse });
          return fromArray(cohereResponseToParts(response.body, { provider, modelId: model }));
        }
        const stream = await client.postForEventStream('/chat', prepared.request, { signal: context.signal });
        const events = parseJsonEvents<CohereStreamEvent>(stream.events, { terminator: '[DONE]' });
        return await peekAsyncIterable(cohereEventsToParts(events, { provider, modelId: model, redact: client.redact }));
      } catch (error) {
        throw mapCohereError(error);
      }
    },
    listModels: (context) => listCohereModels(modelsClient, context.signal),
    close: () => {
      closing ??= Promise.all([client.close(), modelsClient.close()]).then(() => undefined);
      return closing;
    },
  };
}
