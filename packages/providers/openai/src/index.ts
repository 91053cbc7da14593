export { createAzureOpenAIAdapter, type AzureOpenAIAdapterSettings } from './azure-openai-provider.js';
export type { OpenAIAdapter } from './create-openai-adapter-from-config.js';
export type { OpenAILogger } from './openai-config.js';
export { createOpenAIAdapter, type OpenAIAdapterSettings } from './openai-provider.js';
export { gatewayOnlyFields } from './prepare-upstream-body.js';

// Building blocks for other OpenAI-shaped upstreams (OpenAI-compatible servers relayed natively).
export { relayChatChunks } from './chat/relay-chat-chunks.js';
export { createOpenAIAdapterFromConfig } from './create-openai-adapter-from-config.js';
export type { OpenAIConfig } from './openai-config.js';
export { createOpenAIStreamError, type OpenAIStreamErrorPayload } from './openai-error.js';
export { prepareUpstreamBody } from './prepare-upstream-body.js';
export { relayResponseEvents } from './responses/relay-response-events.js';
