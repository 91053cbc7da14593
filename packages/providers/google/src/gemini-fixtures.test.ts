import type { Response } from '@switchyard/contract';
import { loadGeminiFixture, startFakeGeminiUpstream, type FakeGeminiUpstream, type GeminiFixtureName } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiAdapter, type GeminiAdapter } from './gemini-provider.js';
import { driveChat, driveResponses } from './test-support/drive-gemini.js';

let upstream: FakeGeminiUpstream;
let adapter: GeminiAdapter;

beforeAll(async () => {
  upstream = await startFakeGeminiUpstream();
  adapter = createGeminiAdapter({ apiKey: upstream.apiKey, baseURL: upstream.url });
});
afterAll(async () => {
  await adapter.close();
  await upstream.close();
});

const summarize = (response: Response) => ({
  status: response.status,
  incomplete: response.incomplete_details?.reason ?? null,
  output: response.output.map((item) => {
    if (item.type === 'message') return { message: item.content.map((part) => (part.type === 'output_text' ? part.text : part.type)).join('') };
    if (item.type === 'function_call') return { call: item.name, arguments: item.arguments };
    if (item.type === 'reasoning') return { reasoning: item.summary.map((part) => part.text).join(''), encrypted: item.encrypted_content?.startsWith('gemini:') === true };
    if (item.type === 'image_generation_call') return { image: item.result?.slice(0, 12) };
    return { other: item.type };
  }),
  usage: response.usage,
});

const scenarios: Array<{ fixture: GeminiFixtureName; model: string; expected: ReturnType<typeof summarize> }> = [
  {
    fixture: 'gemini-text',
    model: 'gemini-2.5-flash',
    expected: { status: 'completed', incomplete: null, output: [{ message: 'The opposite of hot is cold.' }], usage: { input_tokens: 6, input_tokens_details: { cached_tokens: 0 }, output_tokens: 6, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 12 } },
  },
  {
    fixture: 'gemini-function-calls',
    model: 'gemini-2.5-flash',
    expected: {
      status: 'completed',
      incomplete: null,
      output: [
        { reasoning: '', encrypted: true },
        { call: 'power_disco_ball', arguments: '{"power":true}' },
        { call: 'start_music', arguments: '{"energetic":true,"loud":true}' },
        { call: 'dim_lights', arguments: '{"brightness":0.5}' },
      ],
      usage: { input_tokens: 180, input_tokens_details: { cached_tokens: 0 }, output_tokens: 88, output_tokens_details: { reasoning_tokens: 48 }, total_tokens: 268 },
    },
  },
  {
    fixture: 'gemini-thinking',
    model: 'gemini-2.5-pro',
    expected: {
      status: 'completed',
      incomplete: null,
      output: [
        { reasoning: '**Weighing the options**\n\nI am comparing the two approaches.', encrypted: true },
        { reasoning: '', encrypted: true },
        { message: 'The first approach is faster for small inputs.' },
      ],
      usage: { input_tokens: 12, input_tokens_details: { cached_tokens: 4 }, output_tokens: 77, output_tokens_details: { reasoning_tokens: 68 }, total_tokens: 89 },
    },
  },
  {
    fixture: 'gemini-image',
    model: 'gemini-2.5-flash-image',
    expected: {
      status: 'completed',
      incomplete: null,
      output: [{ message: 'Here is a picture of a nano banana dish.' }, { image: 'iVBORw0KGgoA' }],
      usage: { input_tokens: 13, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1299, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 1312 },
    },
  },
  {
    fixture: 'gemini-prompt-blocked',
    model: 'gemini-2.5-flash',
    expected: { status: 'incomplete', incomplete: 'content_filter', output: [], usage: { input_tokens: 9, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 9 } },
  },
  {
    fixture: 'gemini-max-tokens',
    model: 'gemini-2.5-flash',
    expected: { status: 'incomplete', incomplete: 'max_output_tokens', output: [{ message: 'Once upon a time, in a' }], usage: { input_tokens: 8, input_tokens_details: { cached_tokens: 0 }, output_tokens: 8, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 16 } },
  },
];

describe.each(scenarios)('replaying $fixture', ({ fixture, model, expected }) => {
  it('streams /v1/responses to the expected response', async () => {
    upstream.enqueue({ kind: 'replay', sse: loadGeminiFixture(fixture).sse });
    const { response } = await driveResponses(adapter, { model: `gemini/${model}`, input: 'fixture' }, { stream: true });
    expect(summarize(response)).toEqual(expected);
  });

  it('streams /v1/chat/completions through the checker', async () => {
    upstream.enqueue({ kind: 'replay', sse: loadGeminiFixture(fixture).sse });
    const { chunks } = await driveChat(adapter, { model: `gemini/${model}`, messages: [{ role: 'user', content: 'fixture' }] }, { stream: true });
    expect(chunks.at(-1)?.usage?.total_tokens).toBe(expected.usage?.total_tokens);
  });
});
