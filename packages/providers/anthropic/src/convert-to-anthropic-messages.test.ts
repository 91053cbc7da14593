import { describe, expect, it } from 'vitest';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

describe('convertToAnthropicMessages', () => {
  it('turns a string input into one user turn and instructions into system', () => {
    expect(convertToAnthropicMessages('Be kind.', 'Hi')).toEqual({
      system: [{ type: 'text', text: 'Be kind.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      warnings: [],
    });
  });

  it('sends PDFs as documents and warns about what it cannot send', () => {
    const prompt = convertToAnthropicMessages(undefined, [
      {
        role: 'user',
        content: [
          { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
          { type: 'input_file', file_id: 'file_123' },
          { type: 'input_image', file_id: 'file_456', detail: 'auto' },
          { type: 'input_image', image_url: 'ftp://example.com/x.png', detail: 'auto' },
        ],
      },
      { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } } as never,
    ]);
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'a.pdf' }] },
    ]);
    expect(prompt.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : ''))).toEqual([
      'input[0].content[1]',
      'input[0].content[2]',
      'input[0].content[3]',
      'input[1]',
    ]);
  });

  it('keeps images in tool results and a refusal as assistant text', () => {
    const prompt = convertToAnthropicMessages(undefined, [
      { role: 'user', content: 'Look' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
      { role: 'user', content: 'Please' },
      { type: 'function_call', call_id: 'c1', name: 'shot', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c1', output: [{ type: 'input_image', image_url: 'data:image/jpeg;base64,/9j/', detail: 'auto' }] },
    ]);
    expect(prompt.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(prompt.messages[1]?.content).toEqual([{ type: 'text', text: 'No.' }]);
    expect(prompt.messages[4]?.content).toEqual([
      { type: 'tool_result', tool_use_id: 'c1', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } }] },
    ]);
  });
});
