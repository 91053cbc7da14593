/**
 * Token usage in one vocabulary. A field the provider did not report is `undefined`,
 * never a zero pretending to be a real number.
 */
export interface Usage {
  /** All input tokens, cached ones included. */
  readonly inputTokens: number | undefined;
  /** Input tokens served from the provider's prompt cache (cache reads). */
  readonly cachedInputTokens?: number | undefined;
  /** Input tokens written to the provider's prompt cache (Anthropic cache creation). */
  readonly cacheWriteTokens?: number | undefined;
  /** All output tokens, reasoning tokens included. */
  readonly outputTokens: number | undefined;
  /** Output tokens spent on reasoning / thinking. */
  readonly reasoningTokens?: number | undefined;
  readonly totalTokens?: number | undefined;
}

export const unknownUsage: Usage = { inputTokens: undefined, outputTokens: undefined };
