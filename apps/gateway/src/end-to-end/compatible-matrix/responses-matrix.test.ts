import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { framesBefore, longAnswer, providerCells, startCompatibleMatrix, type CompatibleMatrix, type MatrixProvider } from './compatible-matrix-fixture.js';
import { normaliseUpstreamRequest, type SensitiveParameter } from './normalise-upstream-request.js';
import { runResponsesCell, type ResponsesParams } from './run-responses-cell.js';

// /v1/responses on every OpenAI-compatible provider, bridged through its chat endpoint:
// provider × scenario × {non-streaming, streaming}, one upstream snapshot and one output snapshot per scenario.
let matrix: CompatibleMatrix;
beforeAll(async () => {
  matrix = await startCompatibleMatrix();
});
afterAll(async () => {
  await matrix.close();
});
beforeEach(() => {
  for (const fake of Object.values(matrix.fakes)) fake.requests.length = 0;
});

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};
const timeTool = {
  type: 'function' as const,
  name: 'get_time',
  parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'], additionalProperties: false },
  strict: true,
};

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
