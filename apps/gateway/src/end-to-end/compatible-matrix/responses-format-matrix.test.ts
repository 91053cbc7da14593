import { describe, expect, it } from 'vitest';
import { drainScriptedFailures, failingAttempts, framesBefore, longAnswer, providerCells, providerTraits, useCompatibleMatrix, type MatrixProvider } from './compatible-matrix-fixture.js';
import { normaliseUpstreamRequest, type SensitiveParameter } from './normalise-upstream-request.js';
import { runResponsesCell, type ResponsesParams } from './run-responses-cell.js';
import { timeTool, weatherTool } from './responses-tools.js';

// /v1/responses on every OpenAI-compatible provider (formats, limits, failures), bridged through chat:
// provider × scenario × {non-streaming, streaming}, one upstream snapshot and one output snapshot per scenario.
const matrix = useCompatibleMatrix();

async function cell(provider: MatrixProvider, params: ResponsesParams, streaming: boolean, sensitive: readonly SensitiveParameter[] = [], retried = false) {
  const result = await runResponsesCell(matrix, provider, params, streaming);
  const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings, sensitive, retried });
  return { ...result, upstream };
}

describe('/v1/responses × json_schema', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'answer', answer: { text: '{"city":"Paris"}' } });
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const responseFormat = { type: 'json_schema', json_schema: { name: 'place', schema, strict: true } };
    const sensitive: SensitiveParameter[] = [{ trait: 'json_schema', field: 'response_format', value: responseFormat, warning: 'text.format' }];
    const params: ResponsesParams = { input: 'Where is the Louvre?', text: { format: { type: 'json_schema', name: 'place', schema, strict: true } } };
    const result = await cell(provider, params, streaming, sensitive);
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
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "{"city":"Paris"}",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
        ],
        "output_text": "{"city":"Paris"}",
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
  });
});

describe('/v1/responses × image input', () => {
  const image = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    const input: ResponsesParams['input'] = [
      { role: 'user', content: [{ type: 'input_text', text: 'Describe this' }, { type: 'input_image', image_url: image, detail: 'low' }] },
    ];
    const result = await runResponsesCell(matrix, provider, { input }, streaming);
    const upstream = normaliseUpstreamRequest(provider, matrix.fakeFor(provider), { streaming, includeUsage: true, warnings: result.warnings });
    if (providerTraits[provider.name]!.removes.has('image')) {
      // DeepSeek's chat API takes no image parts: the part is removed with a warning naming it.
      expect(upstream).toEqual({ messages: [{ role: 'user', content: 'Describe this' }] });
      if (!streaming) expect(result.warnings).toEqual(['input[0].content[1]']);
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
        "error": null,
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "Echo: Describe this",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
        ],
        "output_text": "Echo: Describe this",
        "status": "completed",
        "usage": {
          "input_tokens": 3,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 5,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 8,
        },
      }
    `);
  });
});

describe('/v1/responses × max-tokens cut', () => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'answer', answer: { text: longAnswer } });
    const result = await cell(provider, { input: 'Tell me about the sea', max_output_tokens: 16 }, streaming);
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
        "error": null,
        "incomplete_details": {
          "reason": "max_output_tokens",
        },
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "The sea was calm and the sky was wide and the small boat drifted",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "incomplete",
            "type": "message",
          },
        ],
        "output_text": "The sea was calm and the sky was wide and the small boat drifted",
        "status": "incomplete",
        "usage": {
          "input_tokens": 6,
          "input_tokens_details": {
            "cached_tokens": 0,
          },
          "output_tokens": 16,
          "output_tokens_details": {
            "reasoning_tokens": 0,
          },
          "total_tokens": 22,
        },
      }
    `);
  });
});

describe.each([429, 500])('/v1/responses × upstream %s', (status) => {
  it.each(providerCells)('%s %s', async (_name, _mode, provider, streaming) => {
    matrix.fakeFor(provider).enqueue({ kind: 'error', status }, { times: failingAttempts });
    const result = await cell(provider, { input: 'Hello' }, streaming, [], true);
    await drainScriptedFailures(matrix.fakeFor(provider), provider);
    expect(result.upstream).toEqual({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(result.events).toEqual([]);
    expect(result.output).toMatchSnapshot();
  });
});

describe('/v1/responses × mid-stream failure', () => {
  it.each(providerCells.filter(([, mode]) => mode === 'streaming'))('%s %s: response.failed after the first deltas', async (_name, _mode, provider) => {
    matrix.fakeFor(provider).enqueue({ kind: 'stream-error-event', afterEvents: framesBefore(provider, 3), answer: { text: longAnswer } });
    const result = await cell(provider, { input: 'Tell me about the sea' }, true);
    expect(result.upstream).toEqual({ messages: [{ role: 'user', content: 'Tell me about the sea' }] });
    expect(result.events.at(-1)?.type).toBe('response.failed');
    expect(result.output).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "server_error",
          "message": "<provider> reported an error: Internal server error.",
        },
        "incomplete_details": null,
        "output": [
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "The sea",
                "type": "output_text",
              },
            ],
            "role": "assistant",
            "status": "incomplete",
            "type": "message",
          },
        ],
        "output_text": "The sea",
        "status": "failed",
      }
    `);
  });
  it.each(providerCells.filter(([, mode]) => mode === 'non-streaming'))('%s %s: the cut body is a 502', async (_name, _mode, provider) => {
    matrix.fakeFor(provider).enqueue({ kind: 'cut-mid-stream', afterEvents: 3, answer: { text: longAnswer } }, { times: failingAttempts });
    const result = await cell(provider, { input: 'Tell me about the sea' }, false, [], true);
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
