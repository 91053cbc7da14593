import type { Response } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { applyInclude } from './apply-include.js';

const stored = {
  id: 'resp_1',
  object: 'response',
  status: 'completed',
  output: [
    { id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: 'opaque' },
    { id: 'msg_1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'hi', annotations: [], logprobs: [{ token: 'hi', logprob: -0.1, bytes: [104, 105], top_logprobs: [] }] }] },
  ],
} as unknown as Response;

describe('applyInclude', () => {
  it('leaves out encrypted reasoning and logprob entries unless included', () => {
    const plain = applyInclude(stored, undefined) as unknown as { output: Array<Record<string, unknown>> };
    expect(plain.output[0]).not.toHaveProperty('encrypted_content');
    expect((plain.output[1]?.content as Array<Record<string, unknown>>)[0]?.logprobs).toEqual([]);
  });

  it('keeps them when asked', () => {
    const full = applyInclude(stored, ['reasoning.encrypted_content', 'message.output_text.logprobs']);
    expect(full).toEqual(stored);
  });
});
