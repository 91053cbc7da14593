import { describe, expect, it } from 'vitest';
import { outputTokensOf } from './output-tokens-of.js';

describe('outputTokensOf', () => {
  it.each<[string, unknown, number | undefined]>([
    ['a Responses object', { object: 'response', usage: { input_tokens: 3, output_tokens: 7 } }, 7],
    ['a response.completed event', { type: 'response.completed', response: { usage: { output_tokens: 9 } } }, 9],
    ['a chat completion', { object: 'chat.completion', usage: { prompt_tokens: 3, completion_tokens: 4 } }, 4],
    ['the usage chunk of a chat stream', { object: 'chat.completion.chunk', choices: [], usage: { completion_tokens: 5 } }, 5],
    ['a delta event', { type: 'response.output_text.delta', delta: 'hi' }, undefined],
    ['a chunk with usage null', { object: 'chat.completion.chunk', usage: null }, undefined],
    ['a negative count', { usage: { output_tokens: -1 } }, undefined],
    ['not an object', 'text', undefined],
  ])('%s → %s', (_name, answer, expected) => {
    expect(outputTokensOf(answer)).toBe(expected);
  });
});
