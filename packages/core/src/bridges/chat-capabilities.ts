/**
 * Which Chat Completions request parameters a chat target honours. The bridges and the
 * OpenAI-compatible adapter use it to remove what a provider cannot take, with a warning
 * (never silently), and to pick renamed fields (`max_tokens` vs `max_completion_tokens`).
 */
export interface ChatCapabilities {
  /** `logit_bias`. */
  readonly logitBias: boolean;
  /** `logprobs` and `top_logprobs`. */
  readonly logprobs: boolean;
  /** `n` greater than 1. */
  readonly multipleChoices: boolean;
  readonly seed: boolean;
  readonly stop: boolean;
  readonly temperature: boolean;
  readonly topP: boolean;
  readonly presencePenalty: boolean;
  readonly frequencyPenalty: boolean;
  /** `response_format: {type: "json_schema"}`. */
  readonly jsonSchema: boolean;
  /** `response_format: {type: "json_object"}`. */
  readonly jsonObject: boolean;
  readonly tools: boolean;
  /** `tool_choice: "required"`. */
  readonly toolChoiceRequired: boolean;
  /** `tool_choice: {type: "function", function: {name}}`. */
  readonly toolChoiceNamed: boolean;
  readonly parallelToolCalls: boolean;
  readonly reasoningEffort: boolean;
  /** The field that caps output tokens. */
  readonly maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** `image_url` content parts. */
  readonly imageInput: boolean;
  /** `file` content parts. */
  readonly fileInput: boolean;
  /** `stream_options.include_usage`. */
  readonly streamUsage: boolean;
  /**
   * The provider reports usage at the end of every stream without being asked (on the last
   * chunk). `stream_options` is then removed without a warning: nothing is lost.
   */
  readonly streamUsageAlways: boolean;
  readonly user: boolean;
  readonly metadata: boolean;
  readonly store: boolean;
  readonly serviceTier: boolean;
  /** The `developer` role; without it developer messages are sent as `system`. */
  readonly developerRole: boolean;
  /**
   * Assistant messages may carry `reasoning_content` back (providers that want the chain of
   * thought of earlier tool-calling turns). Without it reasoning items are dropped with a warning.
   */
  readonly reasoningContentInput: boolean;
  /** `messages[].name`. */
  readonly messageName: boolean;
  /**
   * Fields only OpenAI's own endpoint takes: `prediction`, `audio`, `modalities`,
   * `web_search_options`, `verbosity`, `prompt_cache_*`, `safety_identifier`, `moderation`.
   */
  readonly openAIExtensions: boolean;
}

/** Everything OpenAI's own Chat Completions endpoint takes. */
export const openAIChatCapabilities: ChatCapabilities = {
  logitBias: true,
  logprobs: true,
  multipleChoices: true,
  seed: true,
  stop: true,
  temperature: true,
  topP: true,
  presencePenalty: true,
  frequencyPenalty: true,
  jsonSchema: true,
  jsonObject: true,
  tools: true,
  toolChoiceRequired: true,
  toolChoiceNamed: true,
  parallelToolCalls: true,
  reasoningEffort: true,
  maxTokensField: 'max_completion_tokens',
  imageInput: true,
  fileInput: true,
  streamUsage: true,
  streamUsageAlways: false,
  user: true,
  metadata: true,
  store: true,
  serviceTier: true,
  developerRole: true,
  reasoningContentInput: false,
  messageName: true,
  openAIExtensions: true,
};

/** A capability set derived from OpenAI's, with some entries changed. */
export function defineChatCapabilities(overrides: Partial<ChatCapabilities>): ChatCapabilities {
  return { ...openAIChatCapabilities, ...overrides };
}
