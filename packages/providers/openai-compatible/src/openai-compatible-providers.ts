import { defineChatCapabilities, type ChatCapabilities } from '@switchyard/core';

export type OpenAICompatibleFlavour = 'xai' | 'groq' | 'mistral' | 'together' | 'deepseek' | 'fireworks' | 'openrouter' | 'openai_compatible';

/** Parameter renames a provider needs on top of removing what it cannot take. */
export interface ChatParameterQuirks {
  /** Mistral: `seed` is called `random_seed`. */
  readonly seedField?: 'random_seed';
  /** OpenRouter: reasoning effort goes in `reasoning: {effort}`. */
  readonly reasoningEffortAsObject?: boolean;
}

export interface ModelCapabilityOverride {
  /** Matched against the upstream model id. */
  readonly model: RegExp;
  readonly capabilities: Partial<ChatCapabilities>;
}

export interface OpenAICompatibleProviderSpec {
  /** Default base URL; `undefined` where the operator must give one. */
  readonly baseURL: string | undefined;
  readonly apiKeyRequired: boolean;
  readonly capabilities: ChatCapabilities;
  readonly modelOverrides: readonly ModelCapabilityOverride[];
  readonly quirks: ChatParameterQuirks;
  /** Where the parameter list comes from. */
  readonly documentation: readonly string[];
}

/** What none of these providers take: OpenAI's own platform features. */
const notOpenAI = {
  metadata: false,
  store: false,
  serviceTier: false,
  openAIExtensions: false,
  fileInput: false,
  developerRole: false,
  reasoningContentInput: false,
} as const satisfies Partial<ChatCapabilities>;

/**
 * The per-provider capability matrix. Every unsupported parameter is removed with a warning
 * (a 400 in strict mode); where a document is silent the entry says "not supported", so the
 * client hears about it instead of getting an upstream 400.
 */
export const openAICompatibleProviders: Readonly<Record<OpenAICompatibleFlavour, OpenAICompatibleProviderSpec>> = {
  // https://docs.x.ai/docs/api-reference#chat-completions and https://docs.x.ai/docs/guides/reasoning
  // Reasoning models reject presence_penalty, frequency_penalty and stop; only grok-3-mini takes
  // reasoning_effort (grok-4 answers 400 "does not support parameter reasoningEffort").
  xai: {
    baseURL: 'https://api.x.ai/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({ ...notOpenAI, logitBias: false, reasoningEffort: false }),
    modelOverrides: [
      { model: /^grok-3-mini/, capabilities: { presencePenalty: false, frequencyPenalty: false, stop: false, reasoningEffort: true } },
      { model: /^grok-(4|code)/, capabilities: { presencePenalty: false, frequencyPenalty: false, stop: false } },
    ],
    quirks: {},
    documentation: ['https://docs.x.ai/docs/api-reference#chat-completions', 'https://docs.x.ai/docs/guides/reasoning'],
  },
  // https://console.groq.com/docs/openai — logprobs, logit_bias, top_logprobs, messages[].name
  // and n > 1 answer 400. https://console.groq.com/docs/api-reference#chat-create for the rest.
  groq: {
    baseURL: 'https://api.groq.com/openai/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({ ...notOpenAI, logitBias: false, logprobs: false, multipleChoices: false, messageName: false }),
    modelOverrides: [],
    quirks: {},
    documentation: ['https://console.groq.com/docs/openai', 'https://console.groq.com/docs/api-reference#chat-create'],
  },
  // https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post —
  // max_tokens, random_seed (not seed), no logit_bias, logprobs, user or stream_options (usage
  // arrives on the last chunk anyway).
  mistral: {
    baseURL: 'https://api.mistral.ai/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({
      ...notOpenAI,
      logitBias: false,
      logprobs: false,
      reasoningEffort: false,
      maxTokensField: 'max_tokens',
      streamUsage: false,
      streamUsageAlways: true,
      user: false,
      messageName: false,
    }),
    modelOverrides: [],
    quirks: { seedField: 'random_seed' },
    documentation: ['https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post'],
  },
  // https://docs.together.ai/reference/chat-completions-1 — max_tokens; `logprobs` is an integer
  // there (not OpenAI's boolean), usage comes on the last chunk without stream_options.
  together: {
    baseURL: 'https://api.together.xyz/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({
      ...notOpenAI,
      logprobs: false,
      parallelToolCalls: false,
      reasoningEffort: false,
      maxTokensField: 'max_tokens',
      streamUsage: false,
      streamUsageAlways: true,
      user: false,
      messageName: false,
    }),
    modelOverrides: [],
    quirks: {},
    documentation: ['https://docs.together.ai/reference/chat-completions-1'],
  },
  // https://api-docs.deepseek.com/api/create-chat-completion and
  // https://api-docs.deepseek.com/guides/reasoning_model — json_object only, no n, seed,
  // logit_bias or parallel_tool_calls; deepseek-reasoner ignores temperature, top_p and the
  // penalties, rejects logprobs, and answers 400 when reasoning_content is sent back.
  deepseek: {
    baseURL: 'https://api.deepseek.com/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({
      ...notOpenAI,
      logitBias: false,
      multipleChoices: false,
      seed: false,
      jsonSchema: false,
      parallelToolCalls: false,
      reasoningEffort: false,
      maxTokensField: 'max_tokens',
      imageInput: false,
      user: false,
      messageName: false,
    }),
    modelOverrides: [
      {
        model: /reasoner/,
        capabilities: { temperature: false, topP: false, presencePenalty: false, frequencyPenalty: false, logprobs: false },
      },
    ],
    quirks: {},
    documentation: ['https://api-docs.deepseek.com/api/create-chat-completion', 'https://api-docs.deepseek.com/guides/reasoning_model'],
  },
  // https://docs.fireworks.ai/api-reference/post-chatcompletions — max_tokens, usage on the last
  // chunk; no logit_bias or seed in the reference.
  fireworks: {
    baseURL: 'https://api.fireworks.ai/inference/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({
      ...notOpenAI,
      logitBias: false,
      seed: false,
      parallelToolCalls: false,
      maxTokensField: 'max_tokens',
      streamUsage: false,
      streamUsageAlways: true,
      messageName: false,
    }),
    modelOverrides: [],
    quirks: {},
    documentation: ['https://docs.fireworks.ai/api-reference/post-chatcompletions'],
  },
  // https://openrouter.ai/docs/api-reference/parameters and .../overview — max_tokens, no n;
  // reasoning effort is `reasoning: {effort}`; the usage chunk is always sent.
  openrouter: {
    baseURL: 'https://openrouter.ai/api/v1',
    apiKeyRequired: true,
    capabilities: defineChatCapabilities({ ...notOpenAI, fileInput: true, multipleChoices: false, maxTokensField: 'max_tokens' }),
    modelOverrides: [],
    quirks: { reasoningEffortAsObject: true },
    documentation: ['https://openrouter.ai/docs/api-reference/parameters', 'https://openrouter.ai/docs/api-reference/overview'],
  },
  // Any OpenAI-compatible server: Ollama (https://docs.ollama.com/api/openai-compatibility),
  // vLLM (https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html), LM Studio.
  // The common subset; operators widen it with `capabilities` for their server.
  openai_compatible: {
    baseURL: undefined,
    apiKeyRequired: false,
    capabilities: defineChatCapabilities({
      ...notOpenAI,
      logitBias: false,
      logprobs: false,
      multipleChoices: false,
      toolChoiceRequired: false,
      toolChoiceNamed: false,
      parallelToolCalls: false,
      reasoningEffort: false,
      maxTokensField: 'max_tokens',
      user: false,
      messageName: false,
    }),
    modelOverrides: [],
    quirks: {},
    documentation: ['https://docs.ollama.com/api/openai-compatibility', 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html'],
  },
};

/** The capabilities for one upstream model: the provider's, then matching model overrides, then the operator's. */
export function capabilitiesFor(
  spec: OpenAICompatibleProviderSpec,
  upstreamModel: string,
  operatorOverrides: Partial<ChatCapabilities> = {},
): ChatCapabilities {
  let capabilities = spec.capabilities;
  for (const override of spec.modelOverrides) {
    if (override.model.test(upstreamModel)) capabilities = { ...capabilities, ...override.capabilities };
  }
  return { ...capabilities, ...operatorOverrides };
}
