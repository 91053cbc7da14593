import type { CreateResponse } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error.js';
import { defineChatCapabilities, openAIChatCapabilities } from './chat-capabilities.js';
import { convertResponsesRequestToChat } from './convert-responses-request-to-chat.js';

const capabilities = openAIChatCapabilities;
const convert = (body: CreateResponse) => convertResponsesRequestToChat(body, { capabilities });

describe('convertResponsesRequestToChat', () => {
  it('converts plain text with instructions', () => {
    expect(convert({ model: 'm', instructions: 'Be brief.', input: 'Hello' })).toMatchInlineSnapshot(`
      {
        "request": {
          "messages": [
            {
              "content": "Be brief.",
              "role": "system",
            },
            {
              "content": "Hello",
              "role": "user",
            },
          ],
          "model": "m",
        },
        "warnings": [],
      }
    `);
  });

  it('converts a multi-turn item list', () => {
    expect(
      convert({
        model: 'm',
        input: [
          { role: 'developer', content: 'Answer in French.' },
          { role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: 'Salut', annotations: [], logprobs: [] }],
          },
          { role: 'user', content: 'And now?' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      {
        "request": {
          "messages": [
            {
              "content": "Answer in French.",
              "role": "developer",
            },
            {
              "content": "Hi",
              "role": "user",
            },
            {
              "content": "Salut",
              "role": "assistant",
            },
            {
              "content": "And now?",
              "role": "user",
            },
          ],
          "model": "m",
        },
        "warnings": [],
      }
    `);
  });

  it('round-trips a function call with its output', () => {
    expect(
      convert({
        model: 'm',
        input: [
          { role: 'user', content: 'Weather in Paris?' },
          { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: 'call_1', output: '{"celsius":21}' },
        ],
        tools: [
          { type: 'function', name: 'weather', description: 'Get weather', parameters: { type: 'object' }, strict: true },
        ],
        tool_choice: { type: 'function', name: 'weather' },
      }),
    ).toMatchInlineSnapshot(`
      {
        "request": {
          "messages": [
            {
              "content": "Weather in Paris?",
              "role": "user",
            },
            {
              "content": null,
              "role": "assistant",
              "tool_calls": [
                {
                  "function": {
                    "arguments": "{"city":"Paris"}",
                    "name": "weather",
                  },
                  "id": "call_1",
                  "type": "function",
                },
              ],
            },
            {
              "content": "{"celsius":21}",
              "role": "tool",
              "tool_call_id": "call_1",
            },
          ],
          "model": "m",
          "tool_choice": {
            "function": {
              "name": "weather",
            },
            "type": "function",
          },
          "tools": [
            {
              "function": {
                "description": "Get weather",
                "name": "weather",
                "parameters": {
                  "type": "object",
                },
                "strict": true,
              },
              "type": "function",
            },
          ],
        },
        "warnings": [],
      }
    `);
  });

  it('merges parallel tool calls (and preceding assistant text) into one assistant message', () => {
    expect(
      convert({
        model: 'm',
        input: [
          { role: 'user', content: 'Paris and Rome?' },
          { role: 'assistant', content: 'Checking both.' },
          { type: 'function_call', call_id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call', call_id: 'call_b', name: 'weather', arguments: '{"city":"Rome"}' },
          { type: 'function_call_output', call_id: 'call_a', output: 'sunny' },
          { type: 'function_call_output', call_id: 'call_b', output: [{ type: 'input_text', text: 'rain' }] },
        ],
        parallel_tool_calls: true,
        tool_choice: 'required',
      }).request.messages,
    ).toMatchInlineSnapshot(`
      [
        {
          "content": "Paris and Rome?",
          "role": "user",
        },
        {
          "content": "Checking both.",
          "role": "assistant",
          "tool_calls": [
            {
              "function": {
                "arguments": "{"city":"Paris"}",
                "name": "weather",
              },
              "id": "call_a",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{"city":"Rome"}",
                "name": "weather",
              },
              "id": "call_b",
              "type": "function",
            },
          ],
        },
        {
          "content": "sunny",
          "role": "tool",
          "tool_call_id": "call_a",
        },
        {
          "content": "rain",
          "role": "tool",
          "tool_call_id": "call_b",
        },
      ]
    `);
  });

  it('converts a json_schema text format', () => {
    expect(
      convert({
        model: 'm',
        input: 'Give me a person',
        text: {
          format: {
            type: 'json_schema',
            name: 'person',
            description: 'A person',
            strict: true,
            schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          },
        },
      }).request.response_format,
    ).toMatchInlineSnapshot(`
      {
        "json_schema": {
          "description": "A person",
          "name": "person",
          "schema": {
            "properties": {
              "name": {
                "type": "string",
              },
            },
            "required": [
              "name",
            ],
            "type": "object",
          },
          "strict": true,
        },
        "type": "json_schema",
      }
    `);
    expect(convert({ model: 'm', input: 'x', text: { format: { type: 'json_object' } } }).request.response_format).toEqual({
      type: 'json_object',
    });
    expect(convert({ model: 'm', input: 'x', text: { format: { type: 'text' } } }).request.response_format).toBeUndefined();
  });

  it('converts image input with detail', () => {
    expect(
      convert({
        model: 'm',
        input: [
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'What is this?' },
              { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'low' },
              { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,AAAA' },
            ],
          },
        ],
      }),
    ).toMatchInlineSnapshot(`
      {
        "request": {
          "messages": [
            {
              "content": [
                {
                  "text": "What is this?",
                  "type": "text",
                },
                {
                  "image_url": {
                    "detail": "low",
                    "url": "https://example.com/cat.png",
                  },
                  "type": "image_url",
                },
                {
                  "file": {
                    "file_data": "data:application/pdf;base64,AAAA",
                    "filename": "a.pdf",
                  },
                  "type": "file",
                },
              ],
              "role": "user",
            },
          ],
          "model": "m",
        },
        "warnings": [],
      }
    `);
  });

  it('maps max_output_tokens to max_completion_tokens or max_tokens, and sampling fields', () => {
    expect(convert({ model: 'm', input: 'x', max_output_tokens: 100, temperature: 0.2, top_p: 0.9, reasoning: { effort: 'low' } }).request)
      .toMatchInlineSnapshot(`
        {
          "max_completion_tokens": 100,
          "messages": [
            {
              "content": "x",
              "role": "user",
            },
          ],
          "model": "m",
          "reasoning_effort": "low",
          "temperature": 0.2,
          "top_p": 0.9,
        }
      `);
    const legacy = convertResponsesRequestToChat(
      { model: 'm', input: 'x', max_output_tokens: 100 },
      { capabilities: defineChatCapabilities({ maxTokensField: 'max_tokens' }) },
    );
    expect(legacy.request).toEqual({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 100 });
    expect(legacy.warnings).toEqual([]);
  });

  it('always asks for usage when streaming', () => {
    expect(convert({ model: 'm', input: 'x', stream: true }).request).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('passes metadata and user', () => {
    expect(convert({ model: 'm', input: 'x', metadata: { a: '1' }, user: 'u1' }).request).toMatchObject({ metadata: { a: '1' }, user: 'u1' });
  });

  const limited = defineChatCapabilities({
    tools: false,
    jsonSchema: false,
    reasoningEffort: false,
    imageInput: false,
    fileInput: false,
    metadata: false,
    user: false,
    streamUsage: false,
    openAIExtensions: false,
  });

  it.each<[string, CreateResponse, string]>([
    ['hosted tool', { input: 'x', tools: [{ type: 'web_search' }] }, 'tools[0]'],
    ['function tools on a target without tools', { input: 'x', tools: [{ type: 'function', name: 'f', parameters: null, strict: null }] }, 'tools'],
    ['json_schema', { input: 'x', text: { format: { type: 'json_schema', name: 'n', schema: {} } } }, 'text.format'],
    ['reasoning effort', { input: 'x', reasoning: { effort: 'high' } }, 'reasoning.effort'],
    ['reasoning summary', { input: 'x', reasoning: { summary: 'auto' } }, 'reasoning.summary'],
    ['image input', { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' }] }] }, 'input[0].content[0]'],
    ['file input', { input: [{ role: 'user', content: [{ type: 'input_file', file_data: 'AAAA' }] }] }, 'input[0].content[0]'],
    ['metadata', { input: 'x', metadata: { a: 'b' } }, 'metadata'],
    ['user', { input: 'x', user: 'u' }, 'user'],
    ['top_logprobs', { input: 'x', top_logprobs: 3 }, 'top_logprobs'],
    ['include', { input: 'x', include: ['reasoning.encrypted_content'] }, 'include[0]'],
    ['max_tool_calls', { input: 'x', max_tool_calls: 3 }, 'max_tool_calls'],
    ['truncation', { input: 'x', truncation: 'auto' }, 'truncation'],
    ['verbosity', { input: 'x', text: { verbosity: 'low' } }, 'text.verbosity'],
    ['safety_identifier', { input: 'x', safety_identifier: 's' }, 'safety_identifier'],
    ['prompt_cache_key', { input: 'x', prompt_cache_key: 'k' }, 'prompt_cache_key'],
    ['reasoning item', { input: [{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'hmm' }] }] }, 'input[0]'],
    ['encrypted reasoning', { input: [{ type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'xyz' }] }, 'input[0].encrypted_content'],
    ['hosted tool call item', { input: [{ type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } }] as CreateResponse['input'] }, 'input[0]'],
    ['allowed_tools', { input: 'x', tool_choice: { type: 'allowed_tools', mode: 'auto', tools: [] } }, 'tool_choice.tools'],
    ['hosted tool choice', { input: 'x', tool_choice: { type: 'file_search' } }, 'tool_choice'],
  ])('warns about %s', (_name, body, parameter) => {
    const { warnings } = convertResponsesRequestToChat({ model: 'm', ...body }, { capabilities: limited, target: 'acme' });
    expect(warnings).toContainEqual(expect.objectContaining({ type: 'unsupported-parameter', parameter }));
  });

  it('warns that usage will be missing when the target cannot stream usage', () => {
    const { request, warnings } = convertResponsesRequestToChat({ model: 'm', input: 'x', stream: true }, { capabilities: limited });
    expect(request.stream_options).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ type: 'other' })]);
  });

  it('drops stream_options quietly for a provider that always reports usage', () => {
    const { request, warnings } = convertResponsesRequestToChat(
      { model: 'm', input: 'x', stream: true },
      { capabilities: defineChatCapabilities({ streamUsage: false, streamUsageAlways: true }) },
    );
    expect(request).toEqual({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(warnings).toEqual([]);
  });

  it('produces no warnings for a plain request', () => {
    expect(convert({ model: 'm', input: 'x', temperature: 1, store: true }).warnings).toEqual([]);
  });

  it('sends reasoning back as reasoning_content when the target takes it', () => {
    const { request, warnings } = convertResponsesRequestToChat(
      {
        model: 'm',
        input: [
          { role: 'user', content: 'q' },
          { type: 'reasoning', id: 'rs_1', summary: [], content: [{ type: 'reasoning_text', text: 'think' }] },
          { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' },
          { type: 'function_call_output', call_id: 'c1', output: 'ok' },
        ],
      },
      { capabilities: defineChatCapabilities({ reasoningContentInput: true }) },
    );
    expect(warnings).toEqual([]);
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'think',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    });
  });

  it.each([
    ['item_reference', { input: [{ type: 'item_reference', id: 'msg_1' }] } as CreateResponse, 'input[0]'],
    ['previous_response_id', { input: 'x', previous_response_id: 'resp_1' } as CreateResponse, 'previous_response_id'],
    ['conversation', { input: 'x', conversation: 'conv_1' } as CreateResponse, 'conversation'],
    ['function_call_output without call_id', { input: [{ type: 'function_call_output', output: 'x' }] } as CreateResponse, 'input[0].call_id'],
  ])('rejects %s with a 400', (_name, body, param) => {
    try {
      convert({ model: 'm', ...body });
      expect.unreachable();
    } catch (error) {
      expect(GatewayError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param });
    }
  });
});
