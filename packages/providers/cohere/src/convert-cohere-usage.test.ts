import { expect, it } from 'vitest';
import { convertCohereUsage } from './convert-cohere-usage.js';

it('prefers tokens over billed units, keeps cached tokens and totals', () => {
  expect(convertCohereUsage({ billed_units: { input_tokens: 5, output_tokens: 418 }, tokens: { input_tokens: 71, output_tokens: 418 }, cached_tokens: 32 })).toEqual({
    inputTokens: 71,
    outputTokens: 418,
    cachedInputTokens: 32,
    totalTokens: 489,
  });
});

it('falls back to billed units when tokens are missing', () => {
  expect(convertCohereUsage({ billed_units: { input_tokens: 5, output_tokens: 7 } })).toEqual({ inputTokens: 5, outputTokens: 7, totalTokens: 12 });
});

it('missing usage stays undefined, never zero', () => {
  expect(convertCohereUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined });
  expect(convertCohereUsage({ tokens: { input_tokens: 3 } })).toEqual({ inputTokens: 3, outputTokens: undefined });
});
