import type { CreateChatCompletionResponse } from '@switchyard/contract';
import { startStream, type BridgeableAdapter, type ChatCapabilities, type NativeOperations } from '@switchyard/core';
import { createUpstreamClient, type UpstreamTimeouts } from '@switchyard/provider-utils';
import { createCompatibleStreamError } from './create-compatible-stream-error.js';
import { listCompatibleModels } from './list-compatible-models.js';
import { capabilitiesFor, openAICompatibleProviders, type OpenAICompatibleFlavour } from './openai-compatible-providers.js';
import { prepareCompatibleChatBody } from './prepare-compatible-chat-body.js';
import { relayCompatibleChatChunks } from './relay-compatible-chat-chunks.js';

export interface OpenAICompatibleAdapterSettings {
  readonly flavour: OpenAICompatibleFlavour;
  /** Provider key in model names; default: the flavour. */
  readonly provider?: string;
  /** Sent as `Authorization: Bearer …`. Required except for `openai_compatible`. */
  readonly apiKey?: string;
  /** Overrides the flavour's base URL; required for `openai_compatible` (e.g. `http://127.0.0.1:11434/v1`). */
  readonly baseURL?: string;
  /** Extra headers on every call (e.g. OpenRouter's `HTTP-Referer`, `X-Title`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Widens or narrows the flavour's capability matrix (for a particular server). */
  readonly capabilities?: Partial<ChatCapabilities>;
  readonly timeouts?: UpstreamTimeouts;
}

export interface OpenAICompatibleAdapter extends BridgeableAdapter {
  readonly flavour: OpenAICompatibleFlavour;
  readonly chatCapabilitiesFor: (upstreamModel: string) => ChatCapabilities;
  listModels(context: { readonly signal: AbortSignal }): Promise<readonly string[]>;
  /** Closes the pooled upstream connections. */
  close(): Promise<void>;
}

/**
 * An adapter for an OpenAI-compatible chat provider. It serves `createChatCompletion` natively
 * (JSON or SSE, chunks parsed once and relayed typed), removing with a warning every parameter
 * the provider cannot take and applying its renames; `/v1/responses` is served by core's
 * bridge through it (`serveCreateResponse`).
 */
export function createOpenAICompatibleAdapter(settings: OpenAICompatibleAdapterSettings): OpenAICompatibleAdapter {
  const spec = openAICompatibleProviders[settings.flavour];
  const provider = settings.provider ?? settings.flavour;
  const baseURL = settings.baseURL ?? spec.baseURL;
  if (baseURL === undefined) throw new TypeError(`The ${provider} provider needs a baseURL (e.g. http://127.0.0.1:11434/v1 for Ollama).`);
  if (spec.apiKeyRequired && (settings.apiKey === undefined || settings.apiKey === '')) {
    throw new TypeError(`The ${provider} provider needs an apiKey.`);
  }
  const client = createUpstreamClient({
    provider,
    baseURL,
    headers: {
      ...settings.headers,
      ...(settings.apiKey === undefined || settings.apiKey === '' ? {} : { authorization: `Bearer ${settings.apiKey}` }),
    },
    ...(settings.apiKey === undefined ? {} : { secrets: [settings.apiKey] }),
    ...(settings.timeouts === undefined ? {} : { timeouts: settings.timeouts }),
  });
  const chatCapabilitiesFor = (upstreamModel: string): ChatCapabilities => capabilitiesFor(spec, upstreamModel, settings.capabilities);

  const operations: NativeOperations = {
    createChatCompletion: async (input, context) => {
      const prepared = prepareCompatibleChatBody(input.body, {
        model: context.upstreamModel,
        provider,
        capabilities: chatCapabilitiesFor(context.upstreamModel),
        quirks: spec.quirks,
      });
      context.warnings.push(...prepared.warnings);
      const options = { signal: context.signal };
      if (prepared.body.stream !== true) {
        const response = await client.postJson<CreateChatCompletionResponse & { error?: unknown }>('/chat/completions', prepared.body, options);
        if (response.body.error !== undefined && response.body.error !== null) {
          throw createCompatibleStreamError(provider, response.body.error, client.redact);
        }
        return response.body;
      }
      const stream = await client.postForEventStream('/chat/completions', prepared.body, options);
      const includeUsage = input.body.stream_options?.include_usage === true;
      return startStream(relayCompatibleChatChunks(provider, stream.events, client.redact, { includeUsage }));
    },
  };

  return {
    provider,
    flavour: settings.flavour,
    operations,
    chatCapabilitiesFor,
    listModels: (context) => listCompatibleModels(client, context.signal),
    close: () => client.close(),
  };
}
