export { createAzureOpenAIAdapter, type AzureOpenAIAdapterSettings } from './azure-openai-provider.js';
export type { OpenAIAdapter } from './create-openai-adapter-from-config.js';
export type { OpenAILogger } from './openai-config.js';
export { createOpenAIAdapter, type OpenAIAdapterSettings } from './openai-provider.js';
export { gatewayOnlyFields } from './prepare-upstream-body.js';
