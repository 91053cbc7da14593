import { describe, expect, it } from 'vitest';
import { isModelAllowed } from './is-model-allowed.js';

describe('isModelAllowed (the one allow-list rule: admission, routing, /v1/models)', () => {
  it.each<[string, readonly string[] | undefined, boolean]>([
    ['openai/gpt-4o', undefined, true],
    ['fast', undefined, true],
    ['openai/gpt-4o', [], false],
    ['openai/gpt-4o', ['openai/gpt-4o'], true],
    ['openai/gpt-4o-mini', ['openai/gpt-4o'], false],
    ['openai/gpt-4o', ['*'], true],
    ['fast', ['*'], true],
    ['openai/gpt-4o', ['openai/*'], true],
    ['openai/o3', ['groq/*', 'openai/*'], true],
    ['openrouter/meta-llama/llama-3.3-70b', ['openrouter/*'], true],
    ['openrouter/meta-llama/llama-3.3-70b', ['openrouter/meta-llama/*'], true],
    ['openrouter/qwen/qwen3', ['openrouter/meta-llama/*'], false],
    ['openai/', ['openai/*'], false],
    ['openai', ['openai/*'], false],
    ['openaix/gpt-4o', ['openai/*'], false],
    ['azure-openai/gpt-4o', ['openai/*'], false],
    ['fast', ['openai/*'], false],
    ['openai/gpt-4o', ['openai'], false],
    ['OpenAI/gpt-4o', ['openai/*'], false],
    ['openai/gpt-4o', ['OpenAI/gpt-4o'], false],
    ['openai/gpt-4o', ['openai/gpt-*'], false],
    ['openai/gpt-4o', ['*/gpt-4o'], false],
    ['openai/gpt-4o', ['/*'], false],
    ['fast', ['fast'], true],
    ['cheap-us', ['fast'], false],
  ])('%s with %j → %s', (model, allowed, expected) => {
    expect(isModelAllowed(model, allowed)).toBe(expected);
  });
});
