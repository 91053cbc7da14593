import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokensLocally, tokenCountMethodFor } from './count-tokens-locally.js';

describe('countTokensLocally', () => {
  it('picks OpenAI encodings by model family and the estimate otherwise', () => {
    expect(tokenCountMethodFor('gpt-4o-mini')).toBe('o200k_base');
    expect(tokenCountMethodFor('o4-mini')).toBe('o200k_base');
    expect(tokenCountMethodFor('openai/gpt-5')).toBe('o200k_base');
    expect(tokenCountMethodFor('gpt-4-turbo')).toBe('cl100k_base');
    expect(tokenCountMethodFor('llama-3.3-70b')).toBe('estimate');
  });

  it('counts text with the real tokenizer plus the per-message overhead', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    const total = countTokensLocally({ instructions: 'Be brief.' }, [{ role: 'user', content: text }], 'o200k_base');
    expect(total).toBe(countTokens(text) + 3 + countTokens('Be brief.') + 3);
  });

  it('estimates other models at four characters a token', () => {
    expect(countTokensLocally({}, [{ role: 'user', content: 'x'.repeat(40) }], 'estimate')).toBe(10 + 3);
  });

  it('counts content parts, tool calls, their outputs and tool definitions', () => {
    const items = [
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello' }, { type: 'input_image', image_url: 'data:' }] },
      { type: 'function_call', name: 'lookup', arguments: '{"q":"x"}', call_id: 'c1' },
      { type: 'function_call_output', call_id: 'c1', output: 'found' },
    ];
    const bare = countTokensLocally({}, items, 'o200k_base');
    expect(bare).toBe(countTokens('hello') + 85 + 3 + countTokens('lookup{"q":"x"}') + 3 + countTokens('found') + 3);
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: {}, strict: true }];
    expect(countTokensLocally({ tools }, items, 'o200k_base')).toBe(bare + countTokens(JSON.stringify(tools)));
  });
});
