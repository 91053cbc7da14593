import type { Usage } from '@switchyard/core';

/** The usage fields Bedrock reports (`TokenUsage`), all optional here: a field missing stays unknown. */
export interface BedrockUsageFields {
  readonly inputTokens?: number | undefined;
  readonly outputTokens?: number | undefined;
  readonly totalTokens?: number | undefined;
  readonly cacheReadInputTokens?: number | undefined;
  readonly cacheWriteInputTokens?: number | undefined;
}

/**
 * Bedrock's `inputTokens` counts only the uncached input; cache reads and writes are reported
 * beside it (and `totalTokens` includes them). Switchyard's `inputTokens` is ALL input, so the
 * three are added up. Bedrock does not break reasoning tokens out of `outputTokens`.
 */
export function convertBedrockUsage(usage: BedrockUsageFields | undefined): Usage {
  if (usage === undefined) return { inputTokens: undefined, outputTokens: undefined };
  const cacheRead = usage.cacheReadInputTokens;
  const cacheWrite = usage.cacheWriteInputTokens;
  const inputTokens = usage.inputTokens === undefined ? undefined : usage.inputTokens + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const outputTokens = usage.outputTokens;
  return {
    inputTokens,
    outputTokens,
    ...(cacheRead === undefined ? {} : { cachedInputTokens: cacheRead }),
    ...(cacheWrite === undefined ? {} : { cacheWriteTokens: cacheWrite }),
    totalTokens: usage.totalTokens ?? (inputTokens !== undefined && outputTokens !== undefined ? inputTokens + outputTokens : undefined),
  };
}
