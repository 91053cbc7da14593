import { findChatCompletionStreamViolations } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { drainScriptedFailures, failingAttempts, framesBefore, longAnswer, providerCells, providerTraits, useCompatibleMatrix, type MatrixProvider } from './compatible-matrix-fixture.js';
import { describeClientError, normaliseUpstreamRequest, type SensitiveParameter } from './normalise-upstream-request.js';
import { runChatCell, type ChatParams } from './run-chat-cell.js';

// /v1/chat/completions on every OpenAI-compatible provider, served natively (formats, limits, failures):
// provider × scenario × {non-streaming, streaming}, one upstream snapshot and one output snapshot per scenario.
const matrix = useCompatibleMatrix();

async function cell(provider: MatrixProvider, params: ChatParams, streaming: boolean, sensitive: readonly SensitiveParameter[] = [], retried = false) {
  const result = await runChatCell(matrix, provider, params, streaming);
  const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings, sensitive, retried });
  return { ...result, upstream };
}

describe('/v1/chat/completions × json_schema', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'answer', answer: { text: '{"city":"Paris"}' } });
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const responseFormat = { type: 'json_schema' as const, json_schema: { name: 'place', schema, strict: true } };
    const sensitive: SensitiveParameter[] = [{ trait: 'json_schema', field: 'response_format', value: responseFormat, warning: 'response_format' }];
    const result = await cell(provider, { messages: [{ role: 'user', content: 'Where is the Louvre?' }], response_format: responseFormat }, streaming, sensitive);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Where is the Louvre?",
            "role": "user",
          },
        ],
        "response_format": {
          "json_schema": {
            "name": "place",
            "schema": {
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
          "type": "json_schema",
        },
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": "{"city":"Paris"}",
        "finish_reason": "stop",
        "tool_calls": [],
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
  });
});

describe('/v1/chat/completions × image input', () => {
  const image = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const messages: ChatParams['messages'] = [
      { role: 'user', content: [{ type: 'text', text: 'Describe this' }, { type: 'image_url', image_url: { url: image, detail: 'low' } }] },
    ];
    const result = await runChatCell(matrix, provider, { messages }, streaming);
    const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings });
    if (providerTraits[provider.name]!.removes.has('image')) {
      // DeepSeek's chat API takes no image parts: the part is removed with a warning naming it.
      expect(upstream).toMatchInlineSnapshot(`
        {
          "messages": [
            {
              "content": [
                {
                  "text": "Describe this",
                  "type": "text",
                },
              ],
              "role": "user",
            },
          ],
        }
      `);
      expect(result.warnings).toMatchInlineSnapshot(`
        [
          "messages[0].content[1]",
        ]
      `);
    } else {
      expect(upstream).toMatchInlineSnapshot(`
        {
          "messages": [
            {
              "content": [
                {
                  "text": "Describe this",
                  "type": "text",
                },
                {
                  "image_url": {
                    "detail": "low",
                    "url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                  },
                  "type": "image_url",
                },
              ],
              "role": "user",
            },
          ],
        }
      `);
    }
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": "Echo: Describe this",
        "finish_reason": "stop",
        "tool_calls": [],
        "usage": {
          "completion_tokens": 5,
          "completion_tokens_details": {
            "accepted_prediction_tokens": 0,
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "rejected_prediction_tokens": 0,
          },
          "prompt_tokens": 3,
          "prompt_tokens_details": {
            "audio_tokens": 0,
            "cached_tokens": 0,
          },
          "total_tokens": 8,
        },
      }
    `);
  });
});

describe('/v1/chat/completions × max-tokens cut', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'answer', answer: { text: longAnswer } });
    const result = await cell(provider, { messages: [{ role: 'user', content: 'Tell me about the sea' }], max_completion_tokens: 16 }, streaming);
    expect(result.upstream).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 16,
        "messages": [
          {
            "content": "Tell me about the sea",
            "role": "user",
          },
        ],
      }
    `);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "content": "The sea was calm and the sky was wide and the small boat drifted",
        "finish_reason": "length",
        "tool_calls": [],
        "usage": {
          "completion_tokens": 16,
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
          "total_tokens": 22,
        },
      }
    `);
  });
});

describe.each([429, 500])('/v1/chat/completions × upstream %s', (status) => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'error', status }, { times: failingAttempts });
    const result = await cell(provider, { messages: [{ role: 'user', content: 'Hello' }] }, streaming, [], true);
    await drainScriptedFailures(matrix.fakeFor(provider), provider);
    expect(result.upstream).toEqual({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(result.records).toEqual([]);
    expect(result.output).toMatchSnapshot();
  });
});

describe('/v1/chat/completions × mid-stream failure', () => {
  it.each(providerCells.filter(([, mode]) => mode === 'streaming'))('%s %s: an error after the first chunks', async (_name, _mode, provider) => {
    matrix.fakeFor(provider).enqueue({ kind: 'stream-error-event', afterEvents: framesBefore(provider, 3), answer: { text: longAnswer } });
    const stream = await matrix.client.chat.completions.create({
      model: `${provider.name}/${provider.model}`,
      messages: [{ role: 'user', content: 'Tell me about the sea' }],
      stream: true,
    });
    const deltas: string[] = [];
    const failure = await (async () => {
      try {
        for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? '');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(deltas.join('')).toBe('The sea');
    // The same failure on the wire: the chunks so far, then OpenAI's error frame; no finish, no usage, no [DONE].
    matrix.fakeFor(provider).enqueue({ kind: 'stream-error-event', afterEvents: framesBefore(provider, 3), answer: { text: longAnswer } });
    const raw = await runChatCell(matrix, provider, { messages: [{ role: 'user', content: 'Tell me about the sea' }] }, true);
    const violations = findChatCompletionStreamViolations(raw.records, { includeUsage: true });
    const rules = violations.map((violation) => `${violation.rule}: ${violation.message}`.replaceAll(provider.name, "<provider>"));
    expect(rules).toMatchInlineSnapshot(`
      [
        "error-chunk: error chunk: {"message":"<provider> reported an error: Internal server error.","type":"server_error","param":null,"code":null}",
        "finish-reason: choice 0 never got a finish_reason",
        "usage: expected exactly one usage chunk, got 0",
        "done-last: the stream did not end with data: [DONE]",
      ]
    `);
    expect(describeClientError(provider, failure)).toMatchInlineSnapshot(`
      {
        "class": "APIError",
        "error": {
          "code": null,
          "message": "<provider> reported an error: Internal server error.",
          "param": null,
          "type": "server_error",
        },
      }
    `);
  });
  it.each(providerCells.filter(([, mode]) => mode === 'non-streaming'))('%s %s: the cut body is a 502', async (_name, _mode, provider) => {
    matrix.fakeFor(provider).enqueue({ kind: 'cut-mid-stream', afterEvents: 3, answer: { text: longAnswer } }, { times: failingAttempts });
    const result = await cell(provider, { messages: [{ role: 'user', content: 'Tell me about the sea' }] }, false, [], true);
    await drainScriptedFailures(matrix.fakeFor(provider), provider);
    expect(result.output).toMatchInlineSnapshot(`
      {
        "class": "InternalServerError",
        "error": {
          "code": "upstream_connection_error",
          "message": "<provider>: connection closed by the upstream (UND_ERR_SOCKET).",
          "param": null,
          "type": "upstream_error",
        },
        "status": 502,
      }
    `);
  });
});

describe('x-switchyard-strict: true turns each removal into a 400, on both endpoints', () => {
  const strict = { headers: { 'x-switchyard-strict': 'true' } };
  it.each(providerCells.filter(([, mode]) => mode === 'non-streaming'))('%s', async (_name, _mode, provider) => {
    const removes = providerTraits[provider.name]!.removes.has('parallel_tool_calls');
    const tools = [{ type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: {} }, strict: false }];
    const model = `${provider.name}/${provider.model}`;
    const responses = matrix.client.responses.create({ model, input: 'Weather?', tools, parallel_tool_calls: true }, strict);
    const chat = matrix.client.chat.completions.create(
      { model, messages: [{ role: 'user', content: 'Weather?' }], tools: [{ type: 'function', function: { name: 'get_weather' } }], parallel_tool_calls: true },
      strict,
    );
    const outcomes = await Promise.allSettled([responses, chat]);
    if (!removes) {
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      return;
    }
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? describeClientError(provider, outcome.reason) : outcome.status))).toMatchInlineSnapshot(`
      [
        {
          "class": "BadRequestError",
          "error": {
            "code": "unsupported_parameter",
            "message": "The selected model cannot honour: parallel_tool_calls. Remove it, or send the request without x-switchyard-strict to get warnings instead.",
            "param": "parallel_tool_calls",
            "type": "invalid_request_error",
          },
          "status": 400,
        },
        {
          "class": "BadRequestError",
          "error": {
            "code": "unsupported_parameter",
            "message": "The selected model cannot honour: parallel_tool_calls. Remove it, or send the request without x-switchyard-strict to get warnings instead.",
            "param": "parallel_tool_calls",
            "type": "invalid_request_error",
          },
          "status": 400,
        },
      ]
    `);
    // Nothing reached the provider.
    expect(matrix.fakeFor(provider).requests).toEqual([]);
  });
});
