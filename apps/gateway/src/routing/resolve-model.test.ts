import { describe, expect, it } from 'vitest';
import type { ConfiguredProvider } from '../providers/configured-provider.js';
import { resolveModel } from './resolve-model.js';

const openrouter: ConfiguredProvider = { name: 'openrouter', models: [], adapter: { provider: 'openrouter', operations: {} } };
const providers = new Map([['openrouter', openrouter]]);

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
  });
});
