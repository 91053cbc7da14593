import type { CompletionUsage } from '@switchyard/contract';
import type { Usage } from '../../parts/usage.js';

/**
 * Converts canonical usage into Chat Completions' `usage`. Returns `undefined` (no usage is
 * sent) unless both prompt and completion counts are known: a zero standing in for an unreported
 * count would be billed as real. Unreported detail counts inside a known usage are 0, as OpenAI
 * reports them; `cache_write_tokens` appears only when the provider reported it.
 */
export function completionUsageFromUsage(usage: Usage): CompletionUsage | undefined {
  const { inputTokens, outputTokens } = usage;
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: usage.totalTokens ?? inputTokens + outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cachedInputTokens ?? 0,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}
