import { describe, expect, it } from 'vitest';
import { convertBedrockUsage } from './convert-bedrock-usage.js';

describe('convertBedrockUsage', () => {
  it('adds cache reads and writes to the uncached inputTokens (prompt caching guide semantics)', () => {
    expect(convertBedrockUsage({ inputTokens: 9, outputTokens: 227, totalTokens: 1522, cacheReadInputTokens: 0, cacheWriteInputTokens: 1286 })).toEqual({
      inputTokens: 1295,
      cachedInputTokens: 0,
      cacheWriteTokens: 1286,
      outputTokens: 227,
      totalTokens: 1522,
    });
    expect(convertBedrockUsage({ inputTokens: 5, outputTokens: 10, totalTokens: 1039, cacheReadInputTokens: 1024 })).toMatchObject({ inputTokens: 1029, cachedInputTokens: 1024 });
  });

  it('keeps plain usage as it is and leaves cache fields out when Bedrock does not send them', () => {
    expect(convertBedrockUsage({ inputTokens: 10, outputTokens: 12, totalTokens: 22 })).toEqual({ inputTokens: 10, outputTokens: 12, totalTokens: 22 });
  });

  it('never invents zeros for missing usage', () => {
    expect(convertBedrockUsage(undefined)).toEqual({ inputTokens: undefined, outputTokens: undefined });
    expect(convertBedrockUsage({ outputTokens: 3 })).toEqual({ inputTokens: undefined, outputTokens: 3, totalTokens: undefined });
  });
});
