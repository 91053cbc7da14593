import type { NativeOperations, ProviderAdapter } from '@switchyard/core';
import { createOpenAIChatOperations } from './chat/openai-chat-operations.js';
import { listOpenAIModels } from './list-openai-models.js';
import type { OpenAIConfig } from './openai-config.js';
import { createOpenAIResponsesOperations } from './responses/openai-responses-operations.js';

/** An OpenAI-shaped adapter (OpenAI, Azure) together with a way to release its connections. */
export interface OpenAIAdapter extends ProviderAdapter {
  /** Closes the pooled upstream connections. */
  close(): Promise<void>;
}

export function createOpenAIAdapterFromConfig(config: OpenAIConfig, options: { readonly listModels: boolean }): OpenAIAdapter {
  const operations: NativeOperations = {
    ...createOpenAIResponsesOperations(config),
    ...createOpenAIChatOperations(config),
  };
  return {
    provider: config.provider,
    operations,
    ...(options.listModels ? { listModels: (context: { readonly signal: AbortSignal }) => listOpenAIModels(config.client, context.signal) } : {}),
    close: () => config.client.close(),
  };
}
