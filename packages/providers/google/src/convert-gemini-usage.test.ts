import { describe, expect, it } from 'vitest';
import { convertGeminiUsage } from './convert-gemini-usage.js';

describe('convertGeminiUsage', () => {
  it('adds thoughts to output tokens and keeps cached input tokens', () => {
    expect(convertGeminiUsage({ promptTokenCount: 100, cachedContentTokenCount: 60, candidatesTokenCount: 20, thoughtsTokenCount: 30, totalTokenCount: 150 })).toEqual({
      inputTokens: 100,
      cachedInputTokens: 60,
      outputTokens: 50,
      reasoningTokens: 30,
      totalTokens: 150,
    });
  });

  it('reads counts left out of a present usageMetadata as 0 (proto3 JSON), and no usageMetadata as unknown', () => {
    expect(convertGeminiUsage({ promptTokenCount: 9, totalTokenCount: 9 })).toMatchObject({ inputTokens: 9, outputTokens: 0 });
    expect(convertGeminiUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined });
  });
});
