export { createAnthropicAdapter, type AnthropicAdapter } from './anthropic-provider.js';
export { defaultMaxTokensFor, type AnthropicAdapterOptions } from './anthropic-config.js';
export { anthropicThinkingFor, parseClaudeVersion, thinkingBudgetByEffort, type AnthropicThinkingConfig } from './anthropic-thinking-config.js';
export { encodeAnthropicReasoning, decodeAnthropicReasoning, type AnthropicReasoningBlock } from './anthropic-reasoning-codec.js';
export { prepareAnthropicRequest, type PreparedAnthropicRequest } from './prepare-anthropic-request.js';
export type { AnthropicMessagesRequest, AnthropicStreamEvent } from './anthropic-api.js';
