import { describe, expect, it } from 'vitest';
import rawTable from './model-table.json' with { type: 'json' };
import { builtInModelTable } from './built-in-model-table.js';
import { modelTableKey } from './model-table.js';
import { ModelTableError, parseModelTable } from './parse-model-table.js';

const table = builtInModelTable();
const [validRow] = rawTable.models;
if (validRow === undefined) throw new Error('the model table is empty');

describe('built-in model table', () => {
  it('passes the schema check', () => {
    expect(() => parseModelTable(rawTable)).not.toThrow();
    expect(table.models.length).toBe(rawTable.models.length);
  });

  it.each([
    ['openai', ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o3', 'o4-mini', 'gpt-5', 'gpt-5-mini']],
    ['anthropic', ['claude-3-5-sonnet-20241022', 'claude-3-5-haiku-20241022', 'claude-3-7-sonnet-20250219', 'claude-sonnet-4-20250514', 'claude-opus-4-20250514', 'claude-opus-4-1-20250805']],
    ['gemini', ['gemini-1.5-flash', 'gemini-1.5-pro', 'gemini-2.0-flash', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-image']],
    ['bedrock', ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'meta.llama3-3-70b-instruct-v1:0', 'amazon.nova-pro-v1:0']],
    ['cohere', ['command-r-08-2024', 'command-r-plus-08-2024', 'command-a-03-2025']],
    ['mistral', ['mistral-large-latest', 'mistral-small-latest']],
    ['groq', ['llama-3.3-70b-versatile']],
    ['xai', ['grok-3', 'grok-4']],
    ['deepseek', ['deepseek-chat', 'deepseek-reasoner']],
    ['together', ['meta-llama/Llama-3.3-70B-Instruct-Turbo']],
    ['fireworks', ['accounts/fireworks/models/llama-v3p3-70b-instruct']],
  ])('has the common %s models', (provider, models) => {
    const keys = new Set(table.models.map(modelTableKey));
    for (const model of models) expect(keys, `${provider}/${model}`).toContain(`${provider}/${model}`);
  });

  it('prices cached input no higher than input, and only image models output images', () => {
    for (const entry of table.models) {
      expect(entry.prices.cachedInput ?? entry.prices.input, modelTableKey(entry)).toBeLessThanOrEqual(entry.prices.input);
      if (entry.capabilities.imageOutput) expect(entry.model).toMatch(/image/);
    }
  });

  it('knows gpt-4o exactly', () => {
    const gpt4o = table.models.find((entry) => modelTableKey(entry) === 'openai/gpt-4o');
    expect(gpt4o).toMatchObject({ prices: { input: 2.5, cachedInput: 1.25, output: 10 }, contextWindow: 128_000, maxOutput: 16_384 });
  });
});

describe('parseModelTable', () => {
  it.each([
    ['a negative price', { ...validRow, prices: { input: -1, output: 1 } }, 'prices.input'],
    ['a missing output price', { ...validRow, prices: { input: 1 } }, 'prices.output'],
    ['an unknown endpoint', { ...validRow, capabilities: { ...validRow.capabilities, endpoints: ['embeddings'] } }, 'endpoints'],
    ['maxOutput above the window', { ...validRow, maxOutput: 10, contextWindow: 5 }, 'maxOutput'],
    ['a source that is not a URL', { ...validRow, source: 'the docs' }, 'source'],
    ['an unknown field', { ...validRow, colour: 'red' }, 'colour'],
    ['a provider with a slash', { ...validRow, provider: 'a/b' }, 'provider'],
  ])('rejects %s', (_name, row, fragment) => {
    expect(() => parseModelTable({ checkedAt: '2026-01-01', models: [row] })).toThrow(ModelTableError);
    expect(() => parseModelTable({ checkedAt: '2026-01-01', models: [row] })).toThrow(fragment);
  });

  it('rejects a repeated model and a bad date', () => {
    expect(() => parseModelTable({ checkedAt: '2026-01-01', models: [validRow, validRow] })).toThrow('repeats');
    expect(() => parseModelTable({ checkedAt: 'yesterday', models: [] })).toThrow('checkedAt');
    expect(() => parseModelTable([])).toThrow('object');
  });
});
