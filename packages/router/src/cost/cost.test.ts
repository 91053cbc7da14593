import type { Usage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { ModelPrices } from '../model-table/model-capabilities.js';
import { deploymentFixture } from '../test-support/deployment-fixture.js';
import { computeCost, type Cost } from './compute-cost.js';
import { defaultReservedOutputTokens, estimateMaxCost } from './estimate-max-cost.js';

const gpt4o: ModelPrices = { input: 2.5, cachedInput: 1.25, output: 10 };
const sonnet: ModelPrices = { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 };
const flat: ModelPrices = { input: 1, output: 2 };

describe('computeCost', () => {
  it.each<[string, Usage, ModelPrices, Cost]>([
    ['plain input and output', { inputTokens: 1_000_000, outputTokens: 100_000 }, gpt4o, { inputUsd: 2.5, cachedInputUsd: 0, outputUsd: 1, totalUsd: 3.5, incomplete: false }],
    [
      'cached input billed once, at the cached price',
      { inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 0 },
      gpt4o,
      { inputUsd: 1.5, cachedInputUsd: 0.5, outputUsd: 0, totalUsd: 2, incomplete: false },
    ],
    [
      'Anthropic cache reads and writes',
      { inputTokens: 1_000, cachedInputTokens: 600, cacheWriteTokens: 300, outputTokens: 200 },
      sonnet,
      { inputUsd: 0.001425, cachedInputUsd: 0.00018, outputUsd: 0.003, totalUsd: 0.004605, incomplete: false },
    ],
    [
      'reasoning is part of output, broken out, not added twice',
      { inputTokens: 0, outputTokens: 1_000, reasoningTokens: 800 },
      gpt4o,
      { inputUsd: 0, cachedInputUsd: 0, outputUsd: 0.01, reasoningUsd: 0.008, totalUsd: 0.01, incomplete: false },
    ],
    [
      'no cached price: cached input at the input price',
      { inputTokens: 1_000, cachedInputTokens: 500, outputTokens: 0 },
      flat,
      { inputUsd: 0.0005, cachedInputUsd: 0.0005, outputUsd: 0, totalUsd: 0.001, incomplete: false },
    ],
    [
      'cached count larger than the input is clamped',
      { inputTokens: 100, cachedInputTokens: 500, outputTokens: 0 },
      gpt4o,
      { inputUsd: 0, cachedInputUsd: 0.000125, outputUsd: 0, totalUsd: 0.000125, incomplete: false },
    ],
    ['unknown counts: a lower bound, flagged', { inputTokens: undefined, outputTokens: 1_000 }, gpt4o, { inputUsd: 0, cachedInputUsd: 0, outputUsd: 0.01, totalUsd: 0.01, incomplete: true }],
  ])('%s', (_name, usage, prices, expected) => {
    expect(computeCost(usage, prices)).toEqual(expected);
  });

  it('adds up without binary noise', () => {
    const cost = computeCost({ inputTokens: 3, outputTokens: 7 }, { input: 0.1, output: 0.2 });
    expect(cost.totalUsd).toBe(0.0000017);
  });
});

describe('estimateMaxCost', () => {
  const deployment = deploymentFixture({ name: 'd', prices: { input: 2, output: 10 }, maxOutput: 16_000 });
  it.each<[string, Parameters<typeof estimateMaxCost>[0], number, number]>([
    ['a Responses body with max_output_tokens', { input: 'x'.repeat(300), max_output_tokens: 1_000 }, 100, 1_000],
    ['a Chat body with max_completion_tokens', { messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 50 }, 11, 50],
    ['a legacy max_tokens', { input: 'abc', max_tokens: 10 }, 1, 10],
    ['no maximum: the deployment maximum', { input: 'abc' }, 1, 16_000],
    ['a maximum above the deployment maximum is bounded', { input: 'abc', max_output_tokens: 1_000_000 }, 1, 16_000],
    ['instructions and tools count', { input: 'abc', instructions: 'abc', tools: [], max_output_tokens: 16 }, 3, 16],
  ])('%s', (_name, request, inputTokens, outputTokens) => {
    const estimate = estimateMaxCost(request, deployment);
    expect(estimate).toEqual({ inputTokens, outputTokens, usd: (inputTokens * 2 + outputTokens * 10) / 1_000_000 });
  });

  it('uses a default reserve without a known maximum and no price when unknown', () => {
    const unknown = deploymentFixture({ name: 'u', prices: undefined, maxOutput: undefined });
    expect(estimateMaxCost({ input: 'abc' }, unknown)).toEqual({ inputTokens: 1, outputTokens: defaultReservedOutputTokens, usd: undefined });
  });
});
