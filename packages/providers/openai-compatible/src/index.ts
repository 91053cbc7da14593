export {
  createOpenAICompatibleAdapter,
  type OpenAICompatibleAdapter,
  type OpenAICompatibleAdapterSettings,
} from './openai-compatible-adapter.js';
export {
  capabilitiesFor,
  openAICompatibleProviders,
  type ChatParameterQuirks,
  type ModelCapabilityOverride,
  type OpenAICompatibleFlavour,
  type OpenAICompatibleProviderSpec,
} from './openai-compatible-providers.js';
export { prepareCompatibleChatBody, type CompatibleChatBody } from './prepare-compatible-chat-body.js';
