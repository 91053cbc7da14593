import { describe, expect, it } from 'vitest';
import { encodeBedrockReasoning } from './bedrock-reasoning-content.js';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';

describe('convertToBedrockMessages', () => {
  it('puts instructions, system and developer messages into system, and a string input into one user turn', () => {
    expect(convertToBedrockMessages('hi', 'Be brief.')).toEqual({ system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'hi' }] }], warnings: [], hasToolBlocks: false, historyToolNames: [] });
    const late = convertToBedrockMessages([{ role: 'user', content: 'a' }, { role: 'system', content: 'Late rule.' }], undefined);
    expect(late.system).toEqual([{ text: 'Late rule.' }]);
    expect(late.warnings).toEqual([{ type: 'other', message: expect.stringContaining('moved into it') }]);
  });

  it('merges consecutive turns of one role, including tool calls into the assistant turn and results into the user turn', () => {
    const converted = convertToBedrockMessages(
      [
        { role: 'user', content: 'weather and time?' },
        { role: 'assistant', content: 'Checking.' },
        { type: 'function_call', call_id: 'c1', name: 'weather', arguments: '{"city":"Oslo"}' },
        { type: 'function_call', call_id: 'c2', name: 'time', arguments: '' },
        { type: 'function_call_output', call_id: 'c1', output: 'cold' },
        { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: 'noon' }] },
        { role: 'user', content: 'thanks' },
      ],
      undefined,
    );
    expect(converted.hasToolBlocks).toBe(true);
    expect(converted.historyToolNames).toEqual(['weather', 'time']);
    expect(converted.messages).toEqual([
      { role: 'user', content: [{ text: 'weather and time?' }] },
      {
        role: 'assistant',
        content: [{ text: 'Checking.' }, { toolUse: { toolUseId: 'c1', name: 'weather', input: { city: 'Oslo' } } }, { toolUse: { toolUseId: 'c2', name: 'time', input: {} } }],
      },
      {
        role: 'user',
        content: [{ toolResult: { toolUseId: 'c1', content: [{ text: 'cold' }] } }, { toolResult: { toolUseId: 'c2', content: [{ text: 'noon' }] } }, { text: 'thanks' }],
      },
    ]);
  });

  it('drops empty text, keeps refusals as text, and warns about media in assistant turns', () => {
    const converted = convertToBedrockMessages(
      [
        { role: 'user', content: [{ type: 'input_text', text: '' }, { type: 'input_text', text: 'q' }] },
        { role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }, { type: 'input_image', image_url: 'data:image/png;base64,AA==' }] },
      ],
      '',
    );
    expect(converted.system).toEqual([]);
    expect(converted.messages).toEqual([
      { role: 'user', content: [{ text: 'q' }] },
      { role: 'assistant', content: [{ text: 'No.' }] },
    ]);
    expect(converted.warnings).toEqual([{ type: 'unsupported-parameter', parameter: 'input[1].content[1]', message: expect.stringContaining('assistant turns') }]);
  });

  it('rebuilds this adapter’s reasoning blocks and drops other providers’ with a warning', () => {
    const mine = encodeBedrockReasoning({ reasoningText: { text: 't', signature: 's' } });
    const converted = convertToBedrockMessages(
      [
        { role: 'user', content: 'q' },
        { type: 'reasoning', summary: [], encrypted_content: mine },
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'x' }], encrypted_content: null },
        { role: 'assistant', content: 'a' },
      ],
      undefined,
    );
    expect(converted.messages[1]).toEqual({ role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 't', signature: 's' } } }, { text: 'a' }] });
    expect(converted.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['input[2]']);
  });

  it('warns about hosted-tool items and unsendable media instead of dropping them silently', () => {
    const converted = convertToBedrockMessages(
      [
        {
          role: 'user',
          content: [
            { type: 'input_image', image_url: 'https://example.com/a.png' },
            { type: 'input_text', text: 'see' },
            { type: 'input_image', image_url: 'data:image/png;base64,AA==', detail: 'high' },
          ],
        },
        { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'x' } } as never,
      ],
      undefined,
    );
    expect(converted.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['input[0].content[0]', 'input[0].content[2].detail', 'input[1]']);
  });

  it.each([
    [[{ id: 'msg_1' }], 'input[0]', 'unsupported_parameter'],
    [[{ type: 'function_call', call_id: 'c', name: 'f', arguments: '[1,2]' }], 'input[0].arguments', 'invalid_value'],
    [[{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{bad' }], 'input[0].arguments', 'invalid_value'],
  ])('rejects %j with a 400 naming %s', (input, param, code) => {
    expect(() => convertToBedrockMessages(input as never, undefined)).toThrow(expect.objectContaining({ status: 400, param, code }));
  });
});
