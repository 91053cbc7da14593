import { builtInModelTable, createModelRegistry, createRouter } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import type { ConfiguredProvider } from '../providers/configured-provider.js';
import { resolveModel } from './resolve-model.js';

const openrouter: ConfiguredProvider = { name: 'openrouter', models: [], adapter: { provider: 'openrouter', operations: {} } };
const groq: ConfiguredProvider = { name: 'groq', models: [], adapter: { provider: 'groq', operations: {} } };
const providers = new Map([
  ['openrouter', openrouter],
  ['groq', groq],
]);
const router = createRouter({
  registry: createModelRegistry({
    providers: { openrouter: 'openrouter', groq: 'groq' },
    builtInTable: builtInModelTable(),
    deployments: [
      { name: 'groq-llama', provider: 'groq', upstreamModel: 'llama-3.3-70b-versatile' },
      { name: 'router-llama', provider: 'openrouter', upstreamModel: 'meta-llama/llama-3.3-70b' },
    ],
    aliases: { fast: ['router-llama', 'groq-llama'] },
  }),
});

describe('resolveModel', () => {
  it('splits at the first slash, so upstream ids may contain slashes', () => {
    expect(resolveModel('openrouter/meta-llama/llama-3.3-70b', providers)).toEqual({ provider: openrouter, upstreamModel: 'meta-llama/llama-3.3-70b' });
  });

  it.each([
    ['gpt-4o', 400, 'invalid_model'],
    ['/gpt-4o', 400, 'invalid_model'],
    ['openrouter/', 400, 'invalid_model'],
    ['', 400, 'invalid_parameter'],
    ['nobody/gpt-4o', 404, 'model_not_found'],
  ])('%j → %i %s', (model, status, code) => {
    expect(() => resolveModel(model, providers)).toThrow(expect.objectContaining({ status, code, param: 'model' }));
    expect(() => resolveModel(model, providers, router)).toThrow(expect.objectContaining({ status, code, param: 'model' }));
  });

  it('resolves an alias and a deployment name with the router passed to it, to the first deployment', () => {
    expect(resolveModel('fast', providers, router)).toEqual({ provider: openrouter, upstreamModel: 'meta-llama/llama-3.3-70b' });
    expect(resolveModel('groq-llama', providers, router)).toEqual({ provider: groq, upstreamModel: 'llama-3.3-70b-versatile' });
  });

  it('knows no alias without the router', () => {
    expect(() => resolveModel('fast', providers)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_model' }));
  });

  it('keeps `provider/model` for a model the built-in table does not know', () => {
    expect(resolveModel('groq/some-new-model-2099', providers, router)).toEqual({ provider: groq, upstreamModel: 'some-new-model-2099' });
  });
});
