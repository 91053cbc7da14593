import type { Usage } from '@switchyard/core';
import type { AnthropicUsage } from './anthropic-api.js';

const count = (value: number | null | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Anthropic usage → canonical usage. Anthropic's `input_tokens` excludes cache reads and writes,
 * so `inputTokens` = input + cache reads + cache writes; reads become `cachedInputTokens`,
 * writes `cacheWriteTokens`. Missing counts stay `undefined`.
 */
export function convertAnthropicUsage(usage: AnthropicUsage | undefined): Usage {
  const input = count(usage?.input_tokens);
  const cacheRead = count(usage?.cache_read_input_tokens);
  const cacheWrite = count(usage?.cache_creation_input_tokens);
  const output = count(usage?.output_tokens);
  const inputTokens = input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheWrite ?? 0);
  return {
    inputTokens,
    ...(cacheRead === undefined ? {} : { cachedInputTokens: cacheRead }),
    ...(cacheWrite === undefined ? {} : { cacheWriteTokens: cacheWrite }),
    outputTokens: output,
    ...(inputTokens !== undefined && output !== undefined ? { totalTokens: inputTokens + output } : {}),
  };
}

/** Merges a later (cumulative) usage report over an earlier one, keeping fields the later one leaves out. */
export function mergeAnthropicUsage(earlier: AnthropicUsage | undefined, later: AnthropicUsage | undefined): AnthropicUsage | undefined {
  if (later === undefined) return earlier;
  if (earlier === undefined) return later;
  const merged: Record<string, number | null | undefined> = { ...earlier };
  for (const [key, value] of Object.entries(later)) if (typeof value === 'number') merged[key] = value;
  return merged as AnthropicUsage;
}
