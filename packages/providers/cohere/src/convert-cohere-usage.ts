import type { Usage } from '@switchyard/core';
import type { CohereUsage } from './cohere-api.js';

const count = (value: number | null | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Cohere usage → canonical usage. `tokens` counts every token the model saw and produced
 * (prompt template included), so it is preferred; `billed_units` is the fallback when `tokens`
 * is missing. `cached_tokens` become cached input tokens. Missing numbers stay `undefined`.
 */
export function convertCohereUsage(usage: CohereUsage | null | undefined): Usage {
  const inputTokens = count(usage?.tokens?.input_tokens) ?? count(usage?.billed_units?.input_tokens);
  const outputTokens = count(usage?.tokens?.output_tokens) ?? count(usage?.billed_units?.output_tokens);
  const cachedInputTokens = count(usage?.cached_tokens);
  return {
    inputTokens,
    outputTokens,
    ...(cachedInputTokens === undefined ? {} : { cachedInputTokens }),
    ...(inputTokens !== undefined && outputTokens !== undefined ? { totalTokens: inputTokens + outputTokens } : {}),
  };
}
