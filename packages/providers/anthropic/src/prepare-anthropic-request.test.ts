import type { CreateResponse } from '@switchyard/contract';
import type { ChatOnlyParameters } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeAnthropicReasoning } from './anthropic-reasoning-codec.js';
import { prepareAnthropicRequest, type PrepareAnthropicRequestOptions } from './prepare-anthropic-request.js';

const options: PrepareAnthropicRequestOptions = { model: 'claude-sonnet-4-5-20250929', promptCaching: 'off', defaultMaxTokens: undefined, structuredOutput: 'tool' };
const prepare = (body: Omit<CreateResponse, 'model'>, extra: { chatParameters?: ChatOnlyParameters; stream?: boolean; options?: Partial<PrepareAnthropicRequestOptions> } = {}) =>
  prepareAnthropicRequest(
    { body: { model: options.model, ...body }, stream: extra.stream ?? false, ...(extra.chatParameters === undefined ? {} : { chatParameters: extra.chatParameters }) },
    { ...options, ...extra.options },
  );
const parameters = (warnings: ReadonlyArray<{ type: string; parameter?: string }>) => warnings.map((warning) => warning.parameter ?? warning.type);

describe('prepareAnthropicRequest', () => {
  it('puts instructions and system/developer messages in system and merges consecutive turns', () => {
    const { body, warnings } = prepare({
      instructions: 'Be brief.',
      input: [
        { role: 'developer', content: 'Answer in English.' },
        { role: 'user', content: 'Hello' },
        { role: 'user', content: [{ type: 'input_text', text: 'Are you there?' }] },
        { role: 'assistant', content: [{ type: 'output_text', text: 'Yes.' }] },
        { role: 'assistant', content: 'Still here.' },
        { role: 'user', content: 'Good.' },
      ],
      temperature: 0.2,
      top_p: 0.9,
      user: 'user-7',
    });
    expect(warnings).toEqual([]);
    expect(body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64000,
        "messages": [
          {
            "content": [
              {
                "text": "Hello",
                "type": "text",
              },
              {
                "text": "Are you there?",
                "type": "text",
              },
            ],
            "role": "user",
          },
          {
            "content": [
              {
                "text": "Yes.",
                "type": "text",
              },
              {
                "text": "Still here.",
                "type": "text",
              },
            ],
            "role": "assistant",
          },
          {
            "content": [
              {
                "text": "Good.",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "metadata": {
          "user_id": "user-7",
        },
        "model": "claude-sonnet-4-5-20250929",
        "system": [
          {
            "text": "Be brief.",
            "type": "text",
          },
          {
            "text": "Answer in English.",
            "type": "text",
          },
        ],
        "temperature": 0.2,
        "top_p": 0.9,
      }
    `);
  });

  it('sends images as base64 or URL sources', () => {
    const { body } = prepare({
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'What is this?' },
            { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' },
            { type: 'input_image', image_url: 'https://example.com/cat.jpg', detail: 'auto' },
          ],
        },
      ],
    });
    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
    [{ type: 'function', name: 'weather' }, { type: 'tool', name: 'weather' }],
  ] as const)('maps tool_choice %j', (toolChoice, expected) => {
    const { body } = prepare({
      input: 'Weather?',
      tools: [{ type: 'function', name: 'weather', description: 'Look up the weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: toolChoice,
    });
    expect(body.tools).toEqual([{ name: 'weather', description: 'Look up the weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);
    expect(body.tool_choice).toEqual(expected);
  });

  it('turns parallel_tool_calls: false into disable_parallel_tool_use, and warns about hosted tools', () => {
    const { body, warnings } = prepare({
      input: 'Hi',
      tools: [{ type: 'function', name: 'a', parameters: null }, { type: 'web_search' } as never],
      parallel_tool_calls: false,
    });
    expect(body.tools).toEqual([{ name: 'a', input_schema: { type: 'object', properties: {} } }]);
    expect(body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(parameters(warnings)).toEqual(['tools[1]']);
  });

  it('sends function calls as tool_use and merges consecutive outputs into one user turn of tool_result blocks', () => {
    const { body } = prepare({
      input: [
        { role: 'user', content: 'Weather and time in Paris?' },
        { type: 'function_call', call_id: 'toolu_1', name: 'weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call', call_id: 'toolu_2', name: 'time', arguments: '' },
        { type: 'function_call_output', call_id: 'toolu_1', output: 'sunny' },
        { type: 'function_call_output', call_id: 'toolu_2', output: [{ type: 'input_text', text: '12:00' }] },
      ],
    });
    expect(body.messages).toMatchInlineSnapshot(`
      [
        {
          "content": [
            {
              "text": "Weather and time in Paris?",
              "type": "text",
            },
          ],
          "role": "user",
        },
        {
          "content": [
            {
              "id": "toolu_1",
              "input": {
                "city": "Paris",
              },
              "name": "weather",
              "type": "tool_use",
            },
            {
              "id": "toolu_2",
              "input": {},
              "name": "time",
              "type": "tool_use",
            },
          ],
          "role": "assistant",
        },
        {
          "content": [
            {
              "content": "sunny",
              "tool_use_id": "toolu_1",
              "type": "tool_result",
            },
            {
              "content": [
                {
                  "text": "12:00",
                  "type": "text",
                },
              ],
              "tool_use_id": "toolu_2",
              "type": "tool_result",
            },
          ],
          "role": "user",
        },
      ]
    `);
  });

  it('maps reasoning effort to a thinking budget, raising max_tokens and dropping temperature with warnings', () => {
    const { body, warnings } = prepare({ input: 'Think.', reasoning: { effort: 'high' }, max_output_tokens: 1000, temperature: 0.5 });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 16384 });
    expect(body.max_tokens).toBe(17384);
    expect(body.temperature).toBeUndefined();
    expect(warnings.map((warning) => warning.type === 'unsupported-parameter' ? warning.parameter : warning.message)).toEqual([
      'max_tokens was raised to 17384 because Anthropic requires it to exceed the thinking budget (16384).',
      'temperature',
    ]);
    expect(prepare({ input: 'x', reasoning: { effort: 'low' } }).body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(prepare({ input: 'x', reasoning: { effort: 'none' } }).body.thinking).toBeUndefined();
    expect(prepare({ input: 'x', reasoning: { effort: 'high' }, temperature: 1 }).body.temperature).toBe(1);
    const old = prepare({ input: 'x', reasoning: { effort: 'high' }, temperature: 0.2 }, { options: { model: 'claude-3-5-sonnet-20241022' } });
    expect(old.body.thinking).toBeUndefined();
    expect(old.body.temperature).toBe(0.2);
    expect(parameters(old.warnings)).toEqual(['reasoning.effort']);
  });

  it('uses adaptive thinking with output_config.effort on Claude 4.6 and later', () => {
    const text = { format: { type: 'json_schema', name: 'p', schema: { type: 'object' } } } as const;
    const { body, warnings } = prepare(
      { input: 'Think.', reasoning: { effort: 'medium' }, max_output_tokens: 1000, temperature: 0.5, text },
      { options: { model: 'claude-opus-4-6', structuredOutput: 'native' } },
    );
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema: { type: 'object' } }, effort: 'medium' });
    expect(body.max_tokens).toBe(1000);
    expect(parameters(warnings)).toEqual(['temperature']);
  });

  it('rebuilds its own thinking blocks byte-identically and drops other providers’ reasoning with a warning', () => {
    const thinking = { type: 'thinking', thinking: 'Hmm "quoted" \u00e9', signature: 'sig/+=' } as const;
    const { body, warnings } = prepare({
      input: [
        { role: 'user', content: 'Q' },
        { type: 'reasoning', summary: [], encrypted_content: encodeAnthropicReasoning(thinking) },
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'x' }], encrypted_content: 'gAAAAB-openai-blob' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'Next' },
      ],
    });
    expect(JSON.stringify(body.messages[1])).toBe(`{"role":"assistant","content":[${JSON.stringify(thinking)},{"type":"text","text":"A"}]}`);
    expect(parameters(warnings)).toEqual(['input[2]']);
  });

  it('carries json_schema as a forced tool (default) or as native output_config', () => {
    const text = { format: { type: 'json_schema', name: 'person', schema: { type: 'object', properties: { name: { type: 'string' } } }, strict: true } } as const;
    const viaTool = prepare({ input: 'Who?', text });
    expect(viaTool.structuredOutputToolName).toBe('person');
    expect(viaTool.body.tools).toEqual([{ name: 'person', description: 'Give the final answer by calling this tool; its input is the answer as JSON.', input_schema: text.format.schema }]);
    expect(viaTool.body.tool_choice).toEqual({ type: 'tool', name: 'person' });
    const native = prepare({ input: 'Who?', text }, { options: { structuredOutput: 'native' } });
    expect(native.body.output_config).toEqual({ format: { type: 'json_schema', schema: text.format.schema } });
    expect(native.body.tools).toBeUndefined();
  });

  it('maps chat stop to stop_sequences and warns about what Anthropic cannot take', () => {
    const { body, warnings } = prepare(
      { input: 'Hi', top_logprobs: 2, service_tier: 'flex' },
      { chatParameters: { stop: 'END', seed: 1, presence_penalty: 0.1, frequency_penalty: 0.1, logit_bias: { '1': 1 }, logprobs: true, n: 2 } },
    );
    expect(body.stop_sequences).toEqual(['END']);
    expect(parameters(warnings)).toEqual(['seed', 'presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'n', 'top_logprobs', 'service_tier']);
  });

  it('uses the documented per-family max_tokens default unless configured', () => {
    expect(prepare({ input: 'x' }, { options: { model: 'claude-3-5-haiku-20241022' } }).body.max_tokens).toBe(8192);
    expect(prepare({ input: 'x' }, { options: { model: 'claude-3-opus-20240229' } }).body.max_tokens).toBe(4096);
    expect(prepare({ input: 'x' }, { options: { model: 'claude-opus-4-1-20250805' } }).body.max_tokens).toBe(32000);
    expect(prepare({ input: 'x' }, { options: { model: 'some-future-model' } }).body.max_tokens).toBe(4096);
    expect(prepare({ input: 'x' }, { options: { defaultMaxTokens: 1234 } }).body.max_tokens).toBe(1234);
  });

  it('places cache breakpoints on the instructions and on the stable conversation prefix', () => {
    const { body } = prepare(
      {
        instructions: 'Long instructions.',
        input: [
          { role: 'user', content: 'First' },
          { type: 'reasoning', summary: [], encrypted_content: encodeAnthropicReasoning({ type: 'thinking', thinking: 't', signature: 's' }) },
          { role: 'assistant', content: 'Answer' },
          { role: 'user', content: 'Second' },
        ],
      },
      { options: { promptCaching: 'auto' } },
    );
    expect(body.system).toEqual([{ type: 'text', text: 'Long instructions.', cache_control: { type: 'ephemeral' } }]);
    expect(body.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 't', signature: 's' },
      { type: 'text', text: 'Answer', cache_control: { type: 'ephemeral' } },
    ]);
    expect(JSON.stringify(body.messages[2])).not.toContain('cache_control');
  });

  it('rejects an item_reference and invalid function_call arguments with a 400', () => {
    expect(() => prepare({ input: [{ type: 'item_reference', id: 'msg_1' }] })).toThrow(expect.objectContaining({ status: 400, param: 'input[0]' }));
    expect(() => prepare({ input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{oops' }] })).toThrow(
      expect.objectContaining({ status: 400, param: 'input[0].arguments' }),
    );
  });
});
