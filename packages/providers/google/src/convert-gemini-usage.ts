import type { Usage } from '@switchyard/core';
import type { GeminiUsageMetadata } from './gemini-api.js';

/**
 * `usageMetadata` → usage. Output tokens include thoughts (Gemini counts them apart from
 * `candidatesTokenCount`); missing fields stay `undefined`.
 * Reference: https://ai.google.dev/api/generate-content#UsageMetadata
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata | undefined): Usage {
  if (usage === undefined) return { inputTokens: undefined, outputTokens: undefined };
  const candidates = usage.candidatesTokenCount;
  const thoughts = usage.thoughtsTokenCount;
  const outputTokens = candidates === undefined && thoughts === undefined ? undefined : (candidates ?? 0) + (thoughts ?? 0);
  return {
    inputTokens: usage.promptTokenCount,
    cachedInputTokens: usage.cachedContentTokenCount,
    outputTokens,
    reasoningTokens: thoughts,
    totalTokens: usage.totalTokenCount,
  };
}
