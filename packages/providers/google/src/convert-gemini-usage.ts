import type { Usage } from '@switchyard/core';
import type { GeminiUsageMetadata } from './gemini-api.js';

/**
 * `usageMetadata` → usage. Output tokens include thoughts (Gemini counts them apart from
 * `candidatesTokenCount`). Google's JSON is proto3 JSON, which leaves out zero counts: when
 * `usageMetadata` is present, a missing prompt or candidates count is a real 0 (a blocked prompt
 * has no `candidatesTokenCount`). Without `usageMetadata`, usage stays `undefined`.
 * Reference: https://ai.google.dev/api/generate-content#UsageMetadata
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata | undefined): Usage {
  if (usage === undefined) return { inputTokens: undefined, outputTokens: undefined };
  const candidates = usage.candidatesTokenCount;
  const thoughts = usage.thoughtsTokenCount;
  const outputTokens = (candidates ?? 0) + (thoughts ?? 0);
  return {
    inputTokens: usage.promptTokenCount ?? 0,
    cachedInputTokens: usage.cachedContentTokenCount,
    outputTokens,
    reasoningTokens: thoughts,
    totalTokens: usage.totalTokenCount,
  };
}
