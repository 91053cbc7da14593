import type { CreateChatCompletionRequest } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { convertChatRequestToResponses } from './convert-chat-request-to-responses.js';

describe('convertChatRequestToResponses', () => {
  it('converts a tool-calling conversation', () => {
    expect(
      convertChatRequestToResponses({
        model: 'o-pro',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Use tools.' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather here?' },
              { type: 'image_url', image_url: { url: 'https://example.com/sky.png', detail: 'high' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
              { id: 'call_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_a', content: 'sunny' },
          { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: 'rain' }] },
          { role: 'system', content: 'Mid-conversation rule.' },
        ],
        tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' }, strict: true } }],
        tool_choice: { type: 'function', function: { name: 'weather' } },
        parallel_tool_calls: true,
        max_tokens: 50,
        stream: true,
        stream_options: { include_usage: true },
      }),
    ).toMatchInlineSnapshot(`
      {
        "request": {
          "input": [
            {
              "content": [
                {
                  "text": "Weather here?",
                  "type": "input_text",
                },
                {
                  "detail": "high",
                  "image_url": "https://example.com/sky.png",
                  "type": "input_image",
                },
              ],
              "role": "user",
            },
            {
              "arguments": "{"city":"Paris"}",
              "call_id": "call_a",
              "name": "weather",
              "type": "function_call",
            },
            {
              "arguments": "{"city":"Rome"}",
              "call_id": "call_b",
              "name": "weather",
              "type": "function_call",
            },
            {
              "call_id": "call_a",
              "output": "sunny",
              "type": "function_call_output",
            },
            {
              "call_id": "call_b",
              "output": "rain",
              "type": "function_call_output",
            },
            {
              "content": "Mid-conversation rule.",
              "role": "system",
            },
          ],
          "instructions": "Be brief.

      Use tools.",
          "max_output_tokens": 50,
          "model": "o-pro",
          "parallel_tool_calls": true,
          "store": false,
          "stream": true,
          "tool_choice": {
            "name": "weather",
            "type": "function",
          },
          "tools": [
            {
              "name": "weather",
              "parameters": {
                "type": "object",
              },
              "strict": true,
              "type": "function",
            },
          ],
        },
        "warnings": [],
      }
    `);
  });

  it('converts response_format, reasoning effort and max_completion_tokens', () => {
    const { request, warnings } = convertChatRequestToResponses({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      response_format: { type: 'json_schema', json_schema: { name: 'p', schema: { type: 'object' }, strict: true } },
      reasoning_effort: 'high',
      max_completion_tokens: 10,
      max_tokens: 99,
      verbosity: 'low',
    });
    expect(warnings).toEqual([]);
    expect(request).toMatchObject({
      text: { format: { type: 'json_schema', name: 'p', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      reasoning: { effort: 'high' },
      max_output_tokens: 10,
      store: false,
    });
  });

  it.each<[string, Partial<CreateChatCompletionRequest>]>([
    ['n', { n: 2 }],
    ['logit_bias', { logit_bias: { '50256': -100 } }],
    ['logprobs', { logprobs: true }],
    ['top_logprobs', { top_logprobs: 2 }],
    ['stop', { stop: ['END'] }],
    ['seed', { seed: 1 }],
    ['presence_penalty', { presence_penalty: 0.5 }],
    ['frequency_penalty', { frequency_penalty: 0.5 }],
    ['audio', { audio: { voice: 'alloy', format: 'mp3' } }],
    ['prediction', { prediction: { type: 'content', content: 'x' } }],
    ['store', { store: true }],
    ['messages[0].name', { messages: [{ role: 'user', content: 'x', name: 'bob' }] }],
  ])('warns about %s', (parameter, fields) => {
    const { warnings } = convertChatRequestToResponses({ model: 'm', messages: [{ role: 'user', content: 'x' }], ...fields });
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-parameter', parameter })]);
  });
});
