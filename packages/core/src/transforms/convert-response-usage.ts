import type { ResponseUsage } from '@switchyard/contract';
import { unknownUsage, type Usage } from '../parts/usage.js';

/** Responses `usage` → canonical usage; missing usage stays unknown. */
export function convertResponseUsage(usage: ResponseUsage | null | undefined): Usage {
  if (usage === undefined || usage === null) return unknownUsage;
  return {
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens,
    cacheWriteTokens: usage.input_tokens_details?.cache_write_tokens,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens,
    totalTokens: usage.total_tokens,
  };
}
