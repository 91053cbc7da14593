import type { CreateResponse } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { applyTruncation } from './apply-truncation.js';

// gpt-4 has an 8 192-token window and OpenAI's cl100k encoding: " word" is one token.
const turn = (role: 'user' | 'assistant', label: string): { role: 'user' | 'assistant'; content: string } => ({ role, content: `${label}${' word'.repeat(3000)}` });
const long = [turn('user', 'one'), turn('assistant', 'two'), turn('user', 'three'), turn('user', 'four')];

describe('applyTruncation', () => {
  it('passes a fitting input and removes the handled field', () => {
    const body = { model: 'gpt-4', input: 'hi', truncation: 'auto' } as CreateResponse;
    expect(applyTruncation(body, 'gpt-4')).toEqual({ model: 'gpt-4', input: 'hi' });
  });

  it('auto drops the oldest items until the input fits', () => {
    const body = { model: 'gpt-4', input: long, truncation: 'auto' } as CreateResponse;
    const truncated = applyTruncation(body, 'gpt-4');
    expect((truncated.input as Array<{ content: string }>).map((item) => item.content.split(' ')[0])).toEqual(['three', 'four']);
    expect(truncated).not.toHaveProperty('truncation');
  });

  it('reserves max_output_tokens', () => {
    const body = { model: 'gpt-4', input: long.slice(2), truncation: 'auto', max_output_tokens: 4000 } as CreateResponse;
    expect((applyTruncation(body, 'gpt-4').input as unknown[]).length).toBe(1);
  });

  it('never starts with a tool result whose call was dropped', () => {
    const input = [turn('user', 'one'), { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }, { type: 'function_call_output', call_id: 'c', output: ' word'.repeat(3000) }, turn('user', 'four'), turn('user', 'five')];
    const truncated = applyTruncation({ model: 'gpt-4', input, truncation: 'auto' } as CreateResponse, 'gpt-4');
    expect((truncated.input as Array<{ content?: string }>).map((item) => item.content?.split(' ')[0])).toEqual(['four', 'five']);
  });

  it('disabled (the default) is a 400 context_length_exceeded with a real tokenizer', () => {
    expect(() => applyTruncation({ model: 'gpt-4', input: long } as CreateResponse, 'gpt-4')).toThrow(
      expect.objectContaining({ status: 400, code: 'context_length_exceeded', param: 'input' }),
    );
  });

  it('leaves unknown models and estimated overflows to the provider', () => {
    const body = { model: 'mystery', input: long } as CreateResponse;
    expect(applyTruncation(body, 'mystery-model')).toBe(body);
    const estimated = { model: 'claude-x', input: [{ role: 'user', content: 'x'.repeat(900_000) }] } as CreateResponse;
    expect(applyTruncation(estimated, 'claude-x').input).toEqual(estimated.input);
  });
});
