import { describe, expect, it } from 'vitest';
import { framesBefore, longAnswer, providerCells, providerTraits, useCompatibleMatrix, type MatrixProvider } from './compatible-matrix-fixture.js';
import { normaliseUpstreamRequest, type SensitiveParameter } from './normalise-upstream-request.js';
import { runResponsesCell, type ResponsesParams } from './run-responses-cell.js';
import { timeTool, weatherTool } from './responses-tools.js';

// /v1/responses on every OpenAI-compatible provider (conversation and tools), bridged through chat:
// provider × scenario × {non-streaming, streaming}, one upstream snapshot and one output snapshot per scenario.
const matrix = useCompatibleMatrix();

async function cell(provider: MatrixProvider, params: ResponsesParams, streaming: boolean, sensitive: readonly SensitiveParameter[] = []) {
  const result = await runResponsesCell(matrix, provider, params, streaming);
  const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings, sensitive });
  return { ...result, upstream };
}

describe('/v1/responses × plain text', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const user: SensitiveParameter = { trait: 'user', field: 'user', value: 'user-7', warning: 'user' };
    const result = await cell(provider, { input: 'Hello there', temperature: 0.5, user: 'user-7' }, streaming, [user]);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Hello there",
            "role": "user",
          },
        ],
        "temperature": 0.5,
        "user": "user-7",
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "Echo: Hello there",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
        ],
        "output_text": "Echo: Hello there",
        "status": "completed",
        "usage": {
          "input_tokens": 4,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 6,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 10,
        },
      }
    `);
  });
});

describe('/v1/responses × multi-turn items', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const input: ResponsesParams['input'] = [
      { role: 'user', content: 'My name is Ada.' },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello Ada.', annotations: [] }], id: 'msg_1', status: 'completed' },
      { role: 'user', content: [{ type: 'input_text', text: 'What is my name?' }] },
    ];
    const result = await cell(provider, { instructions: 'Be brief.', input, top_p: 0.9 }, streaming);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "My name is Ada.",
            "role": "user",
          },
          {
            "content": "Hello Ada.",
            "role": "assistant",
          },
          {
            "content": "What is my name?",
            "role": "user",
          },
        ],
        "top_p": 0.9,
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "Echo: What is my name?",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
        ],
        "output_text": "Echo: What is my name?",
        "status": "completed",
        "usage": {
          "input_tokens": 15,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 7,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 22,
        },
      }
    `);
  });
});

describe('/v1/responses × function call round trip', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const call = await cell(provider, { input: 'Please call get_weather', tools: [weatherTool], tool_choice: 'auto' }, streaming);
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
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "arguments": {
              "city": "test",
            },
            "call_id": "<generated>",
            "name": "get_weather",
            "status": "completed",
            "type": "function_call",
          },
        ],
        "output_text": "",
        "status": "completed",
        "usage": {
          "input_tokens": 6,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 4,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 10,
        },
      }
    `);
    matrix.fakeFor(provider).requests.length = 0;
    const input: ResponsesParams['input'] = [
      { role: 'user', content: 'Please call get_weather' },
      { type: 'function_call', call_id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"test"}' },
      { type: 'function_call_output', call_id: 'call_weather_1', output: '{"celsius":21}' },
    ];
    const answer = await cell(provider, { input, tools: [weatherTool] }, streaming);
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
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "Tool said: {"celsius":21}",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
        ],
        "output_text": "Tool said: {"celsius":21}",
        "status": "completed",
        "usage": {
          "input_tokens": 10,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 7,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 17,
        },
      }
    `);
  });
});

describe('/v1/responses × parallel tool calls', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({
      kind: 'answer',
      answer: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_a' }, { name: 'get_time', arguments: { zone: 'CET' }, callId: 'call_b' }] },
    });
    const sensitive: SensitiveParameter[] = [
      { trait: 'parallel_tool_calls', field: 'parallel_tool_calls', value: true, warning: 'parallel_tool_calls' },
      { trait: 'tool_choice', field: 'tool_choice', value: 'required', warning: 'tool_choice' },
    ];
    const params: ResponsesParams = { input: 'Weather and time in Paris?', tools: [weatherTool, timeTool], tool_choice: 'required', parallel_tool_calls: true };
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
              "strict": true,
            },
            "type": "function",
          },
        ],
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "arguments": {
              "city": "Paris",
            },
            "call_id": "call_a",
            "name": "get_weather",
            "status": "completed",
            "type": "function_call",
          },
          {
            "arguments": {
              "zone": "CET",
            },
            "call_id": "call_b",
            "name": "get_time",
            "status": "completed",
            "type": "function_call",
          },
        ],
        "output_text": "",
        "status": "completed",
        "usage": {
          "input_tokens": 7,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 8,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 15,
        },
      }
    `);
  });
});
