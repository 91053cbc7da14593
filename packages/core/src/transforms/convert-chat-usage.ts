import type { CompletionUsage } from '@switchyard/contract';
import { unknownUsage, type Usage } from '../parts/usage.js';

/** DeepSeek reports cache hits in its own field next to the standard ones. */
type CompletionUsageWithExtensions = CompletionUsage & { prompt_cache_hit_tokens?: number };

/** Chat `usage` → canonical usage. Missing usage stays unknown, never zeros. */
export function convertChatUsage(usage: CompletionUsage | null | undefined): Usage {
  if (usage === undefined || usage === null) return unknownUsage;
  const extended: CompletionUsageWithExtensions = usage;
  return {
    inputTokens: usage.prompt_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? extended.prompt_cache_hit_tokens,
    cacheWriteTokens: usage.prompt_tokens_details?.cache_write_tokens,
    outputTokens: usage.completion_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens,
    totalTokens: usage.total_tokens,
  };
}
