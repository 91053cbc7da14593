import type { InputItem, Response } from '@switchyard/contract';
import { fakeGeminiImageBase64, fakeThoughtSignature, googleErrorBody, startFakeGeminiUpstream, type FakeGeminiUpstream } from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(() => {
  upstream.requests.length = 0;
});

const textOf = (response: Response): string =>
  response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : [])).join('');

describe.each([{ stream: false }, { stream: true }])('Gemini scenarios (stream: $stream)', ({ stream }) => {
  it('round-trips thoughts and signatures byte for byte on the next turn', async () => {
    const first = await driveResponses(
      adapter,
      { model: 'gemini/gemini-2.5-flash', input: 'think hard', reasoning: { effort: 'low', summary: 'auto' } },
      { stream },
    );
    expect(upstream.requests[0]?.body).toMatchObject({ generationConfig: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } } });
    expect(first.response.output.map((item) => item.type)).toEqual(['reasoning', 'reasoning', 'message']);
    const summary = first.response.output[0]?.type === 'reasoning' ? first.response.output[0].summary : [];
    expect(summary).toEqual([{ type: 'summary_text', text: 'Thinking about the request.' }]);
    expect(first.response.usage).toMatchObject({ output_tokens: 10, output_tokens_details: { reasoning_tokens: 7 } });
    const replay = first.response.output.map((item) => item as unknown as InputItem);
    await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: [{ role: 'user', content: 'think hard' }, ...replay, { role: 'user', content: 'again' }] }, { stream });
    expect(upstream.requests[1]?.rawBody).toBe(
      JSON.stringify({
        contents: [
          { role: 'user', parts: [{ text: 'think hard' }] },
          { role: 'model', parts: [{ text: 'Thinking about the request.', thought: true }, { text: 'Echo: think hard', thoughtSignature: fakeThoughtSignature(1) }] },
          { role: 'user', parts: [{ text: 'again' }] },
        ],
      }),
    );
  });

  it('round-trips a signed function call (Gemini 3 requires it) through chat messages too', async () => {
    upstream.enqueue({ kind: 'answer', answer: { parts: [{ functionCall: { name: 'lookup', args: { q: 'x' } }, thoughtSignature: 'Q0FMTF9TSUc=' }], finishReason: 'STOP', usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 4, totalTokenCount: 9 } } });
    const tools = [{ type: 'function' as const, name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } }];
    const first = await driveResponses(adapter, { model: 'gemini/gemini-3-pro-preview', input: 'find x', tools, reasoning: { effort: 'high' } }, { stream });
    expect(upstream.requests[0]?.body).toMatchObject({ generationConfig: { thinkingConfig: { thinkingLevel: 'high' } } });
    expect(first.response.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
    const call = first.response.output[1];
    const callId = call?.type === 'function_call' ? call.call_id : '';
    await driveResponses(
      adapter,
      {
        model: 'gemini/gemini-3-pro-preview',
        tools,
        input: [{ role: 'user', content: 'find x' }, ...first.response.output.map((item) => item as unknown as InputItem), { type: 'function_call_output', call_id: callId, output: '{"found":true}' }],
      },
      { stream },
    );
    expect(upstream.requests[1]?.body).toMatchObject({
      contents: [
        { role: 'user', parts: [{ text: 'find x' }] },
        { role: 'model', parts: [{ functionCall: { name: 'lookup', args: { q: 'x' } }, thoughtSignature: 'Q0FMTF9TSUc=' }] },
        { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { found: true } } }] },
      ],
    });
  });

  it('sends json_schema as responseMimeType + responseSchema and json_object as the MIME type only', async () => {
    const { response } = await driveResponses(
      adapter,
      {
        model: 'gemini/gemini-2.5-flash',
        input: 'give json',
        text: { format: { type: 'json_schema', name: 'echo', strict: true, schema: { type: 'object', properties: { echo: { type: 'string' } }, required: ['echo'], additionalProperties: false } } },
      },
      { stream },
    );
    expect(JSON.parse(textOf(response))).toEqual({ echo: 'give json' });
    expect(upstream.requests[0]?.body).toMatchObject({
      generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'object', properties: { echo: { type: 'string' } }, required: ['echo'] } },
    });
    await driveChat(adapter, { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'json' }], response_format: { type: 'json_object' } }, { stream });
    expect(upstream.requests[1]?.body).toMatchObject({ generationConfig: { responseMimeType: 'application/json' } });
  });

  it('sends image input inline', async () => {
    await driveChat(
      adapter,
      { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: [{ type: 'text', text: 'what' }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } }] }] },
      { stream },
    );
    expect(upstream.requests[0]?.body).toMatchObject({ contents: [{ role: 'user', parts: [{ text: 'what' }, { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } }] }] });
  });

  it('generates images with an image model and no tools, as image_generation_call items of pure base64', async () => {
    const { response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash-image', input: 'a red dot' }, { stream });
    expect(upstream.requests[0]?.body).toMatchObject({ generationConfig: { responseModalities: ['TEXT', 'IMAGE'] } });
    const image = response.output.find((item) => item.type === 'image_generation_call');
    expect(image).toMatchObject({ type: 'image_generation_call', status: 'completed', result: fakeGeminiImageBase64 });
    expect(textOf(response)).toBe('Here is a red dot');
  });

  it('reports a max-tokens cut as incomplete', async () => {
    const { response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'one two three four five', max_output_tokens: 3 }, { stream });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(textOf(response)).toBe('Echo: one two');
  });

  it.each([['UNSAFE answer'], ['BLOCK_PROMPT please']])('reports a safety block (%s) as content_filter', async (input) => {
    const { response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input }, { stream });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'content_filter' });
    const chat = await driveChat(adapter, { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: input }] }, { stream });
    const reason = stream ? chat.chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason : chat.completion?.choices[0]?.finish_reason;
    expect(reason).toBe('content_filter');
  });

  it.each([
    [400, 400, 'INVALID_ARGUMENT', false],
    [403, 403, 'PERMISSION_DENIED', false],
    [404, 404, 'NOT_FOUND', false],
    [429, 429, 'RESOURCE_EXHAUSTED', true],
    [500, 500, 'INTERNAL', true],
    [503, 503, 'UNAVAILABLE', true],
    [504, 504, 'DEADLINE_EXCEEDED', true],
  ])('maps an upstream %i to %i (%s) before any output', async (upstreamStatus, status, code, isRetryable) => {
    upstream.enqueue({ kind: 'error', status: upstreamStatus, body: googleErrorBody(upstreamStatus, undefined, upstreamStatus === 429 ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }] : undefined) });
    const failure = driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'x' }, { stream });
    await expect(failure).rejects.toMatchObject({ status, code, isRetryable, ...(status === 429 ? { headers: { 'retry-after': '30' } } : {}) });
  });

  it('never lets the key out, even when the upstream echoes it', async () => {
    upstream.enqueue({ kind: 'error', status: 400, body: googleErrorBody(400, `Bad key ${upstream.apiKey} in request ?key=${upstream.apiKey}`) });
    const error = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'x' }, { stream }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
    expect(JSON.stringify({ message: (error as Error).message, body: (error as { responseBody?: string }).responseBody })).not.toContain(upstream.apiKey);
    const wrongKey = createGeminiAdapter({ apiKey: 'AIzaWrongKeyWrongKeyWrongKey12345', baseURL: upstream.url });
    const invalid = await driveResponses(wrongKey, { model: 'gemini/gemini-2.5-flash', input: 'x' }, { stream }).catch((caught: unknown) => caught);
    await wrongKey.close();
    expect(invalid).toMatchObject({ status: 401, type: 'authentication_error' });
    expect(String((invalid as Error).message)).not.toContain('AIzaWrongKey');
  });

  it('rejects in strict mode before anything is sent', async () => {
    const failure = driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'x', max_tool_calls: 2 }, { stream, strict: true });
    await expect(failure).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'max_tool_calls' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('warns about what Gemini cannot honour', async () => {
    const { warnings } = await driveChat(adapter, { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'x' }], n: 2, logit_bias: { '1': 1 } }, { stream });
    expect(warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.type))).toEqual(['n', 'logit_bias']);
  });
});

describe('Gemini mid-stream failures', () => {
  it('throws when the first frame is an error', async () => {
    upstream.enqueue({ kind: 'stream-error', afterChunks: 0, status: 503 });
    await expect(driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'a b c d e f' }, { stream: true })).rejects.toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('ends with response.failed when an error frame follows output', async () => {
    upstream.enqueue({ kind: 'stream-error', afterChunks: 1, status: 500 });
    const { events, response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'a b c d e f' }, { stream: true });
    expect(events.at(-1)?.type).toBe('response.failed');
    expect(response.status).toBe('failed');
    expect(response.error).toMatchObject({ code: 'server_error' });
  });

  it('ends with response.failed when the connection is cut mid-stream', async () => {
    upstream.enqueue({ kind: 'cut-mid-stream', afterChunks: 1 });
    const { events, response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'a b c d e f' }, { stream: true });
    expect(events.at(-1)?.type).toBe('response.failed');
    expect(response.error).toMatchObject({ code: 'server_error' });
  });

  it('makes a cut chat stream throw after its first chunks (the gateway writes the error frame)', async () => {
    upstream.enqueue({ kind: 'cut-mid-stream', afterChunks: 1 });
    const failure = driveChat(adapter, { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'a b c d e f' }] }, { stream: true });
    await expect(failure).rejects.toMatchObject({ status: 502, isRetryable: true });
  });

  it('aborts the upstream call when the client goes away', async () => {
    upstream.enqueue({ kind: 'slow-stream', intervalMs: 200 });
    const controller = new AbortController();
    const parts = await adapter.generate?.(
      { body: { model: 'gemini-2.5-flash', input: 'a b c d e f g h' }, stream: true },
      { signal: controller.signal, requestId: 'r', upstreamModel: 'gemini-2.5-flash', warnings: [] },
    );
    const iterator = parts?.[Symbol.asyncIterator]();
    await iterator?.next();
    controller.abort();
    const drainRest = async (): Promise<void> => {
      for (let next = await iterator?.next(); next !== undefined && next.done !== true; next = await iterator?.next()) {
        // buffered parts of the first chunk
      }
    };
    await expect(drainRest()).rejects.toBeDefined();
    await expect(upstream.waitForClientAbort()).resolves.toMatchObject({ streaming: true });
  });
});
