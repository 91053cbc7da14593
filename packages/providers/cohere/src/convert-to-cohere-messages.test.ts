import { describe, expect, it } from 'vitest';
import { encodeCohereReasoningBlock } from './cohere-reasoning-block.js';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';

const traits = { vision: true, thinking: true };

describe('convertToCohereMessages', () => {
  it('a string input is one user message after the instructions', () => {
    expect(convertToCohereMessages('Be brief.', 'Hi', traits).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('joins reasoning, assistant text and calls of one turn into one assistant message', () => {
    const { messages, warnings } = convertToCohereMessages(undefined, [
      { role: 'user', content: 'q' },
      { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encodeCohereReasoningBlock({ type: 'thinking', thinking: 'think' }) },
      { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: encodeCohereReasoningBlock({ type: 'tool_plan', tool_plan: 'plan' }) },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Let me check.', annotations: [] }] },
      { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' },
      { type: 'function_call', call_id: 'c2', name: 'g', arguments: '{"a":1}' },
      { type: 'function_call_output', call_id: 'c1', output: 'one' },
      { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: 'two' }] },
    ], traits);
    expect(warnings).toEqual([]);
    expect(messages).toEqual([
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [{ type: 'thinking', thinking: 'think' }, { type: 'text', text: 'Let me check.' }],
        tool_plan: 'plan',
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } },
          { id: 'c2', type: 'function', function: { name: 'g', arguments: '{"a":1}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'one' },
      { role: 'tool', tool_call_id: 'c2', content: 'two' },
    ]);
  });

  it('images go as image_url on vision models and are dropped with a warning elsewhere', () => {
    const input = [{ role: 'user' as const, content: [{ type: 'input_text' as const, text: 'see' }, { type: 'input_image' as const, image_url: 'data:image/png;base64,AAAA', detail: 'auto' as const }] }];
    expect(convertToCohereMessages(undefined, input, traits).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'auto' } }] },
    ]);
    const plain = convertToCohereMessages(undefined, input, { vision: false, thinking: false });
    expect(plain.messages).toEqual([{ role: 'user', content: 'see' }]);
    expect(plain.warnings).toEqual([{ type: 'unsupported-parameter', parameter: 'input[0].content[1]', message: expect.stringContaining('vision model') }]);
  });

  it('image detail "original" has no Cohere equivalent: sent without detail, with a warning', () => {
    const { messages, warnings } = convertToCohereMessages(undefined, [{ role: 'user', content: [{ type: 'input_image', image_url: 'https://example.com/a.png', detail: 'original' }] }], traits);
    expect(messages).toEqual([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }]);
    expect(warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['input[0].content[0].detail']);
  });

  it('an item_reference is a 400 naming the item', () => {
    expect(() => convertToCohereMessages(undefined, [{ type: 'item_reference', id: 'msg_1' }], traits)).toThrow(expect.objectContaining({ status: 400, param: 'input[0]' }));
  });

  it('items Cohere has no place for are dropped with a warning', () => {
    const { messages, warnings } = convertToCohereMessages(undefined, [{ role: 'user', content: 'a' }, { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'x' } }], traits);
    expect(messages).toEqual([{ role: 'user', content: 'a' }]);
    expect(warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['input[1]']);
  });
});
