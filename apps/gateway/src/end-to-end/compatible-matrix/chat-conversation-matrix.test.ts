import { describe, expect, it } from 'vitest';
import { providerCells, useCompatibleMatrix, type MatrixProvider } from './compatible-matrix-fixture.js';
import { normaliseUpstreamRequest, type SensitiveParameter } from './normalise-upstream-request.js';
import { runChatCell, type ChatParams } from './run-chat-cell.js';

// /v1/chat/completions on every OpenAI-compatible provider, served natively (conversation and tools):
// provider × scenario × {non-streaming, streaming}, one upstream snapshot and one output snapshot per scenario.
const matrix = useCompatibleMatrix();

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
    strict: true,
  },
};
const timeTool = {
  type: 'function' as const,
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'], additionalProperties: false } },
};

async function cell(provider: MatrixProvider, params: ChatParams, streaming: boolean, sensitive: readonly SensitiveParameter[] = []) {
  const result = await runChatCell(matrix, provider, params, streaming);
  const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings, sensitive });
  return { ...result, upstream };
}

describe('/v1/chat/completions × plain text', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const sensitive: SensitiveParameter[] = [
      { trait: 'seed', field: 'seed', value: 7, warning: 'seed' },
      { trait: 'user', field: 'user', value: 'user-7', warning: 'user' },
    ];
    const params: ChatParams = { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello there' }], temperature: 0.5, seed: 7, user: 'user-7' };
    const result = await cell(provider, params, streaming, sensitive);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Hello there",
            "role": "user",
          },
        ],
        "seed": 7,
        "temperature": 0.5,
        "user": "user-7",
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": "Echo: Hello there",
        "finish_reason": "stop",
        "tool_calls": [],
        "usage": {
          "completion_tokens": 6,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 7,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 13,
        },
      }
    `);
  });
});

describe('/v1/chat/completions × multi-turn messages', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const messages: ChatParams['messages'] = [
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: 'Hello Ada.' },
      { role: 'user', content: [{ type: 'text', text: 'What is my name?' }] },
    ];
    const result = await cell(provider, { messages, top_p: 0.9 }, streaming);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "My name is Ada.",
            "role": "user",
          },
          {
            "content": "Hello Ada.",
            "role": "assistant",
          },
          {
            "content": [
              {
                "text": "What is my name?",
                "type": "text",
              },
            ],
            "role": "user",
          },
        ],
        "top_p": 0.9,
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": "Echo: What is my name?",
        "finish_reason": "stop",
        "tool_calls": [],
        "usage": {
          "completion_tokens": 7,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 12,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 19,
        },
      }
    `);
  });
});

describe('/v1/chat/completions × function call round trip', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const call = await cell(provider, { messages: [{ role: 'user', content: 'Please call get_weather' }], tools: [weatherTool], tool_choice: 'auto' }, streaming);
    expect(call.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Please call get_weather",
            "role": "user",
          },
        ],
        "tool_choice": "auto",
        "tools": [
          {
            "function": {
              "description": "Current weather of a city",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(call.output).toMatchInlineSnapshot(`
      {
        "content": null,
        "finish_reason": "tool_calls",
        "tool_calls": [
          {
            "function": {
              "arguments": {
                "city": "test",
              },
              "name": "get_weather",
            },
            "id": "<generated>",
            "type": "function",
          },
        ],
        "usage": {
          "completion_tokens": 4,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 6,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 10,
        },
      }
    `);
    matrix.fakeFor(provider).requests.length = 0;
    const messages: ChatParams['messages'] = [
      { role: 'user', content: 'Please call get_weather' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"test"}' } }] },
      { role: 'tool', tool_call_id: 'call_weather_1', content: '{"celsius":21}' },
    ];
    const answer = await cell(provider, { messages, tools: [weatherTool] }, streaming);
    expect(answer.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Please call get_weather",
            "role": "user",
          },
          {
            "content": null,
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"test"}",
                  "name": "get_weather",
                },
                "id": "call_weather_1",
                "type": "function",
              },
            ],
          },
          {
            "content": "{"celsius":21}",
            "role": "tool",
            "tool_call_id": "call_weather_1",
          },
        ],
        "tools": [
          {
            "function": {
              "description": "Current weather of a city",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(answer.output).toMatchInlineSnapshot(`
      {
        "content": "Tool said: {"celsius":21}",
        "finish_reason": "stop",
        "tool_calls": [],
        "usage": {
          "completion_tokens": 7,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 10,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 17,
        },
      }
    `);
  });
});

describe('/v1/chat/completions × parallel tool calls', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({
      kind: 'answer',
      answer: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_a' }, { name: 'get_time', arguments: { zone: 'CET' }, callId: 'call_b' }] },
    });
    const sensitive: SensitiveParameter[] = [
      { trait: 'parallel_tool_calls', field: 'parallel_tool_calls', value: true, warning: 'parallel_tool_calls' },
      { trait: 'tool_choice', field: 'tool_choice', value: 'required', warning: 'tool_choice' },
    ];
    const params: ChatParams = {
      messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
      tools: [weatherTool, timeTool],
      tool_choice: 'required',
      parallel_tool_calls: true,
    };
    const result = await cell(provider, params, streaming, sensitive);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Weather and time in Paris?",
            "role": "user",
          },
        ],
        "parallel_tool_calls": true,
        "tool_choice": "required",
        "tools": [
          {
            "function": {
              "description": "Current weather of a city",
              "name": "get_weather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
          {
            "function": {
              "name": "get_time",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "zone": {
                    "type": "string",
                  },
                },
                "required": [
                  "zone",
                ],
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": null,
        "finish_reason": "tool_calls",
        "tool_calls": [
          {
            "function": {
              "arguments": {
                "city": "Paris",
              },
              "name": "get_weather",
            },
            "id": "call_a",
            "type": "function",
          },
          {
            "function": {
              "arguments": {
                "zone": "CET",
              },
              "name": "get_time",
            },
            "id": "call_b",
            "type": "function",
          },
        ],
        "usage": {
          "completion_tokens": 8,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 7,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 15,
        },
      }
    `);
  });
});
