import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { RegistryConfigError } from '../errors/routing-errors.js';
import type { ModelTable } from '../model-table/model-table.js';
import { createModelRegistry } from './create-model-registry.js';

const table: ModelTable = {
  checkedAt: '2026-01-01',
  models: [
    {
      provider: 'openai',
      model: 'gpt-4o',
      prices: { input: 2.5, cachedInput: 1.25, output: 10 },
      contextWindow: 128_000,
      maxOutput: 16_384,
      capabilities: { endpoints: ['responses', 'chat'], tools: true, vision: true, reasoning: false, imageOutput: false },
      source: 'https://example.test/openai',
    },
    {
      provider: 'anthropic',
      model: 'claude-haiku',
      prices: { input: 1, cachedInput: 0.1, output: 5 },
      contextWindow: 200_000,
      maxOutput: 64_000,
      capabilities: { endpoints: ['generate'], tools: true, vision: true, reasoning: true, imageOutput: false },
      source: 'https://example.test/anthropic',
    },
    {
      provider: 'anthropic',
      model: 'claude-opus',
      prices: { input: 5, cachedInput: 0.5, output: 25 },
      contextWindow: 200_000,
      maxOutput: 32_000,
      capabilities: { endpoints: ['generate'], tools: true, vision: true, reasoning: true, imageOutput: false },
      source: 'https://example.test/anthropic',
    },
  ],
};

const registry = createModelRegistry({
  builtInTable: table,
  createdAt: 1_700_000_000,
  providers: { openai: 'openai', claude: 'anthropic' },
  deployments: [
    { name: 'oai-fast', provider: 'openai', upstreamModel: 'gpt-4o', regions: ['US'], weight: 3 },
    { name: 'claude-fast', provider: 'claude', upstreamModel: 'claude-haiku', regions: ['DE', 'US'], prices: { input: 0.9, output: 4 } },
    { name: 'local', provider: 'openai', upstreamModel: 'my-finetune', prices: { input: 0, output: 0 }, contextWindow: 8_000 },
  ],
  aliases: { fast: { deployments: ['oai-fast', 'claude-fast'], fallbacks: ['openai/gpt-4o-mini', 'fast'] }, tiny: ['local'] },
});

describe('createModelRegistry', () => {
  it('resolves an alias to its deployments, completed from the table, with the fallback chain', () => {
    const resolved = registry.resolve('fast');
    expect(resolved.deployments.map((deployment) => deployment.name)).toEqual(['oai-fast', 'claude-fast']);
    expect(resolved.deployments[0]).toMatchObject({ providerKind: 'openai', weight: 3, prices: { input: 2.5, output: 10 }, contextWindow: 128_000, regions: ['US'] });
    // Config wins over the table field by field.
    expect(resolved.deployments[1]).toMatchObject({ providerKind: 'anthropic', prices: { input: 0.9, output: 4 }, contextWindow: 200_000 });
    // `openai/gpt-4o-mini` is synthesised (not in the table: unknown price); `fast` repeats nothing.
    expect(resolved.fallbacks.map((deployment) => deployment.name)).toEqual(['openai/gpt-4o-mini']);
    expect(resolved.fallbacks[0]?.prices).toBeUndefined();
  });

  it.each([
    ['a configured provider/model', 'openai/gpt-4o', ['oai-fast']],
    ['a provider/model served by a configured deployment (config overrides the table)', 'claude/claude-haiku', ['claude-fast']],
    ['a table model of a configured provider with no deployment', 'claude/claude-opus', ['claude/claude-opus']],
    ['an unknown model of a configured provider', 'openai/gpt-9', ['openai/gpt-9']],
    ['a deployment name', 'local', ['local']],
    ['a bare-list alias', 'tiny', ['local']],
  ])('resolves %s', (_name, model, names) => {
    expect(registry.resolve(model).deployments.map((deployment) => deployment.name)).toEqual(names);
  });

  it('synthesises table deployments with the table prices', () => {
    expect(registry.resolve('claude/claude-opus').deployments[0]).toMatchObject({ provider: 'claude', providerKind: 'anthropic', upstreamModel: 'claude-opus', prices: { input: 5, output: 25 }, weight: 1, regions: [] });
  });

  it.each([['mistral/large'], ['gpt-4o'], ['nothing'], ['openai/']])('answers 404 model_not_found for %s', (model) => {
    const error = catchError(() => registry.resolve(model));
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
  });

  it('answers 403 for a model outside the key allow-list and drops disallowed fallbacks', () => {
    expect(catchError(() => registry.resolve('fast', { allowedModels: ['openai/*'] }))).toMatchObject({ status: 403, code: 'model_not_allowed' });
    const resolved = registry.resolve('fast', { allowedModels: ['fast'], fallbacks: ['tiny'] });
    expect(resolved.fallbacks).toEqual([]);
    expect(registry.resolve('fast', { allowedModels: ['fast', 'tiny'], fallbacks: ['tiny'] }).fallbacks.map((deployment) => deployment.name)).toEqual(['local']);
  });

  it('lists aliases, configured models and table models of configured providers, filtered by the key', () => {
    const ids = registry.listModels().data.map((model) => model.id);
    expect(ids).toEqual(['fast', 'tiny', 'openai/gpt-4o', 'claude/claude-haiku', 'openai/my-finetune', 'claude/claude-opus']);
    expect(registry.listModels(['openai/*']).data.map((model) => model.id)).toEqual(['openai/gpt-4o', 'openai/my-finetune']);
    expect(registry.listModels([]).data).toEqual([]);
    expect(registry.listModels().data[0]).toEqual({ id: 'fast', object: 'model', created: 1_700_000_000, owned_by: 'switchyard' });
  });

  it('retrieves one model, 404 when unknown or not allowed', () => {
    expect(registry.retrieveModel('openai/gpt-4o')).toMatchObject({ id: 'openai/gpt-4o', owned_by: 'openai' });
    expect(registry.retrieveModel('openai/gpt-9')).toMatchObject({ id: 'openai/gpt-9', owned_by: 'openai' });
    expect(catchError(() => registry.retrieveModel('fast', ['openai/*']))).toMatchObject({ status: 404 });
    expect(catchError(() => registry.retrieveModel('nope'))).toMatchObject({ status: 404 });
  });

  it('works with no configuration at all from the shipped table', () => {
    const bare = createModelRegistry({ providers: { openai: 'openai' } });
    expect(bare.resolve('openai/gpt-4o').deployments[0]?.prices).toMatchObject({ input: 2.5, output: 10 });
    expect(bare.listModels().data.map((model) => model.id)).toContain('openai/gpt-4o-mini');
  });

  it.each([
    ['a repeated deployment', { deployments: [{ name: 'a', provider: 'openai', upstreamModel: 'x' }, { name: 'a', provider: 'openai', upstreamModel: 'y' }] }, 'twice'],
    ['an alias of an unknown deployment', { aliases: { fast: ['ghost'] } }, 'unknown deployment'],
    ['an empty alias', { aliases: { fast: [] } }, 'no deployments'],
    ['a lower-case region', { deployments: [{ name: 'a', provider: 'openai', upstreamModel: 'x', regions: ['de'] }] }, 'ISO 3166-1'],
    ['a negative weight', { deployments: [{ name: 'a', provider: 'openai', upstreamModel: 'x', weight: -1 }] }, 'weight'],
    ['a deployment of an unconfigured provider', { providers: { openai: 'openai' }, deployments: [{ name: 'a', provider: 'mistral', upstreamModel: 'x' }] }, 'not configured'],
  ])('refuses %s', (_name, options, fragment) => {
    expect(() => createModelRegistry({ builtInTable: table, ...options })).toThrow(RegistryConfigError);
    expect(() => createModelRegistry({ builtInTable: table, ...options })).toThrow(fragment);
  });
});

function catchError(work: () => unknown): GatewayError | undefined {
  try {
    work();
  } catch (error) {
    if (GatewayError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}
