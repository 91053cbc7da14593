import { describe, expect, it } from 'vitest';
import { prepareCohereChatBody } from './prepare-cohere-chat-body.js';

const plain = { vision: false, thinking: false };

describe('prepareCohereChatBody', () => {
  it('maps every supported parameter (Responses fields and chat-only parameters)', () => {
    const { request, warnings } = prepareCohereChatBody({
      body: {
        model: 'command-a-03-2025',
        instructions: 'Be brief.',
        input: [{ role: 'developer', content: 'Answer in English.' }, { role: 'user', content: 'Hi' }],
        max_output_tokens: 100,
        temperature: 0.3,
        top_p: 0.9,
        text: { format: { type: 'json_object' } },
        store: false,
        metadata: { a: 'b' },
        include: ['reasoning.encrypted_content'],
        parallel_tool_calls: true,
        service_tier: 'auto',
      },
      chatParameters: { stop: 'END', seed: 7, frequency_penalty: 0.5, presence_penalty: 0.25 },
      model: 'command-a-03-2025',
      stream: true,
      traits: plain,
    });
    expect(warnings).toEqual([]);
    expect(request).toMatchInlineSnapshot(`
      {
        "frequency_penalty": 0.5,
        "max_tokens": 100,
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Answer in English.",
            "role": "system",
          },
          {
            "content": "Hi",
            "role": "user",
          },
        ],
        "model": "command-a-03-2025",
        "p": 0.9,
        "presence_penalty": 0.25,
        "response_format": {
          "type": "json_object",
        },
        "seed": 7,
        "stop_sequences": [
          "END",
        ],
        "stream": true,
        "temperature": 0.3,
      }
    `);
  });

  it('warns about everything Cohere cannot honour, naming the client parameter', () => {
    const { request, warnings } = prepareCohereChatBody({
      body: {
        model: 'm',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'look' }, { type: 'input_image', image_url: 'https://example.com/a.png' }, { type: 'input_file', file_id: 'file-1' }] }],
        reasoning: { effort: 'high' },
        text: { verbosity: 'low' },
        top_logprobs: 3,
        include: ['message.output_text.logprobs'],
        truncation: 'auto',
        user: 'u1',
        safety_identifier: 's1',
        prompt_cache_key: 'k',
        service_tier: 'flex',
        max_tool_calls: 2,
        tools: [{ type: 'web_search' }],
      },
      chatParameters: { n: 2, logit_bias: { '1': 1 }, logprobs: true, top_logprobs: 2 },
      model: 'command-r7b-12-2024',
      stream: false,
      traits: plain,
    });
    expect(warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.type))).toEqual([
      'input[0].content[1]',
      'input[0].content[2]',
      'tools[0]',
      'max_tool_calls',
      'text.verbosity',
      'top_logprobs',
      'reasoning.effort',
      'n',
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'include[0]',
      'truncation',
      'user',
      'safety_identifier',
      'prompt_cache_key',
      'service_tier',
    ]);
    expect(request.messages).toEqual([{ role: 'user', content: 'look' }]);
    expect(request.thinking).toBeUndefined();
  });

  it.each([
    ['none', { type: 'disabled' }],
    ['minimal', { type: 'enabled', token_budget: 512 }],
    ['low', { type: 'enabled', token_budget: 2048 }],
    ['medium', { type: 'enabled', token_budget: 8192 }],
    ['high', { type: 'enabled' }],
  ] as const)('reasoning.effort %s → thinking on reasoning models', (effort, thinking) => {
    const { request, warnings } = prepareCohereChatBody({
      body: { model: 'm', input: 'hi', reasoning: { effort } },
      model: 'command-a-reasoning-08-2025',
      stream: false,
      traits: { vision: false, thinking: true },
    });
    expect(request.thinking).toEqual(thinking);
    expect(warnings).toEqual([]);
  });

  it('reasoning.effort none on a model without thinking is honoured by doing nothing', () => {
    const { request, warnings } = prepareCohereChatBody({ body: { model: 'm', input: 'hi', reasoning: { effort: 'none' } }, model: 'command-a-03-2025', stream: false, traits: plain });
    expect(request.thinking).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('json_schema → json_object with json_schema', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const { request } = prepareCohereChatBody({
      body: { model: 'm', input: 'hi', text: { format: { type: 'json_schema', name: 'x', schema, strict: true } } },
      model: 'm',
      stream: false,
      traits: plain,
    });
    expect(request.response_format).toEqual({ type: 'json_object', json_schema: schema });
  });
});
