import type { ResponseUsage } from '@switchyard/contract';
import type { Usage } from '../../parts/usage.js';

/**
 * Converts canonical usage into the Responses API's `usage` object.
 *
 * Returns `undefined` (the snapshot then carries no `usage` at all) unless both input and
 * output token counts are known: `ResponseUsage` requires every count, and a zero standing in
 * for an unreported count would be billed and displayed as if it were real. Within a known
 * usage, unreported detail counts (cached, reasoning) are 0, as OpenAI reports them.
 * `cache_write_tokens` appears only when the provider reported cache writes.
 */
export function responseUsageFromUsage(usage: Usage): ResponseUsage | undefined {
  const { inputTokens, outputTokens } = usage;
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  return {
    input_tokens: inputTokens,
    input_tokens_details: {
      cached_tokens: usage.cachedInputTokens ?? 0,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    total_tokens: usage.totalTokens ?? inputTokens + outputTokens,
  };
}
