import type { Deployment } from '../registry/deployment.js';

/** A complete deployment with test defaults, overridden field by field. */
export function deploymentFixture(overrides: Partial<Deployment> & Pick<Deployment, 'name'>): Deployment {
  return {
    provider: 'openai',
    providerKind: overrides.provider ?? 'openai',
    upstreamModel: overrides.name,
    weight: 1,
    regions: [],
    prices: { input: 1, cachedInput: 0.5, output: 2 },
    contextWindow: 128_000,
    maxOutput: 16_000,
    capabilities: { endpoints: ['chat'], tools: true, vision: false, reasoning: false, imageOutput: false },
    ...overrides,
  };
}

/** Returns the values in order, then repeats the last one. */
export function sequenceRandom(values: readonly number[]): () => number {
  let index = 0;
  return () => {
    const value = values[Math.min(index, values.length - 1)] ?? 0;
    index += 1;
    return value;
  };
}
