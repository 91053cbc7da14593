import { describe, expect, it } from 'vitest';
import { convertAnthropicUsage, mergeAnthropicUsage } from './convert-anthropic-usage.js';

describe('convertAnthropicUsage', () => {
  it('counts cache reads and writes into the input tokens', () => {
    expect(convertAnthropicUsage({ input_tokens: 10, cache_read_input_tokens: 2000, cache_creation_input_tokens: 300, output_tokens: 50 })).toEqual({
      inputTokens: 2310,
      cachedInputTokens: 2000,
      cacheWriteTokens: 300,
      outputTokens: 50,
      totalTokens: 2360,
    });
  });

  it('leaves what was not reported undefined', () => {
    expect(convertAnthropicUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined });
    expect(convertAnthropicUsage({ output_tokens: 4 })).toEqual({ inputTokens: undefined, outputTokens: 4 });
    expect(convertAnthropicUsage({ input_tokens: 3, cache_read_input_tokens: null, output_tokens: 1 })).toEqual({ inputTokens: 3, outputTokens: 1, totalTokens: 4 });
  });
});

describe('mergeAnthropicUsage', () => {
  it('lets the cumulative message_delta usage override message_start, keeping fields it leaves out', () => {
    expect(mergeAnthropicUsage({ input_tokens: 25, cache_read_input_tokens: 5, output_tokens: 1 }, { output_tokens: 15, input_tokens: null })).toEqual({
      input_tokens: 25,
      cache_read_input_tokens: 5,
      output_tokens: 15,
    });
    expect(mergeAnthropicUsage(undefined, { output_tokens: 2 })).toEqual({ output_tokens: 2 });
    expect(mergeAnthropicUsage({ output_tokens: 2 }, undefined)).toEqual({ output_tokens: 2 });
  });
});
