import type { Response } from '@switchyard/contract';
import { startFakeGeminiUpstream, type FakeGeminiUpstream } from '@switchyard/testing';
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

const outputText = (response: Response): string =>
  response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : [])).join('');

describe.each([{ stream: false }, { stream: true }])('Gemini through /v1/responses (stream: $stream)', ({ stream }) => {
  it('answers plain text with usage, sending the key only in x-goog-api-key', async () => {
    const { response } = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'hello there', instructions: 'Be brief.' }, { stream });
    expect(outputText(response)).toBe('Echo: hello there');
    expect(response.status).toBe('completed');
    expect(response.usage).toMatchObject({ input_tokens: 5, output_tokens: 3, total_tokens: 8 });
    const recorded = upstream.requests[0];
    expect(recorded?.path).toBe(stream ? '/v1beta/models/gemini-2.5-flash:streamGenerateContent' : '/v1beta/models/gemini-2.5-flash:generateContent');
    expect(recorded?.query).toEqual(stream ? { alt: 'sse' } : {});
    expect(recorded?.headers['x-goog-api-key']).toBe(upstream.apiKey);
    expect(recorded?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hello there' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    });
  });

  it('merges consecutive same-role turns and sends assistant turns as model', async () => {
    await driveResponses(
      adapter,
      {
        model: 'gemini/gemini-2.5-flash',
        input: [
          { role: 'user', content: 'one' },
          { role: 'user', content: [{ type: 'input_text', text: 'two' }] },
          { role: 'assistant', content: 'three' },
          { role: 'developer', content: 'Stay calm.' },
          { role: 'user', content: 'four' },
        ],
      },
      { stream },
    );
    expect(upstream.requests[0]?.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'one' }, { text: 'two' }] },
        { role: 'model', parts: [{ text: 'three' }] },
        { role: 'user', parts: [{ text: 'four' }] },
      ],
      systemInstruction: { parts: [{ text: 'Stay calm.' }] },
    });
  });

  it('calls tools and takes the results back (tool round trip, parallel calls)', async () => {
    const tools = [
      { type: 'function' as const, name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, strict: true },
      { type: 'function' as const, name: 'get_time', parameters: { type: 'object', properties: {} } },
    ];
    const first = await driveResponses(adapter, { model: 'gemini/gemini-2.5-flash', input: 'get_weather and get_time city=Paris', tools, tool_choice: 'required' }, { stream });
    const calls = first.response.output.filter((item) => item.type === 'function_call');
    expect(calls.map((call) => call.type === 'function_call' && [call.name, call.arguments])).toEqual([
      ['get_weather', '{"city":"Paris"}'],
      ['get_time', '{"city":"Paris"}'],
    ]);
    expect(upstream.requests[0]?.body).toMatchObject({
      tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }, { name: 'get_time' }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    });
    const callIds = calls.map((call) => (call.type === 'function_call' ? call.call_id : ''));
    const second = await driveResponses(
      adapter,
      {
        model: 'gemini/gemini-2.5-flash',
        tools,
        input: [
          { role: 'user', content: 'get_weather and get_time city=Paris' },
          ...calls.map((call) => (call.type === 'function_call' ? { type: 'function_call' as const, call_id: call.call_id, name: call.name, arguments: call.arguments } : ({} as never))),
          { type: 'function_call_output', call_id: callIds[0] as string, output: '{"temperature":21}' },
          { type: 'function_call_output', call_id: callIds[1] as string, output: '12:00' },
        ],
      },
      { stream },
    );
    expect(upstream.requests[1]?.body).toMatchObject({
      contents: [
        { role: 'user', parts: [{ text: 'get_weather and get_time city=Paris' }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }, { functionCall: { name: 'get_time', args: { city: 'Paris' } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temperature: 21 } } }, { functionResponse: { name: 'get_time', response: { output: '12:00' } } }] },
      ],
    });
    expect(outputText(second.response)).toBe('Result: {"output":"12:00"}');
  });
});

describe.each([{ stream: false }, { stream: true }])('Gemini through /v1/chat/completions (stream: $stream)', ({ stream }) => {
  it('answers with text and maps chat-only sampling parameters', async () => {
    const result = await driveChat(
      adapter,
      { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'system', content: 'Short.' }, { role: 'user', content: 'hi you' }], stop: ['END'], seed: 3, presence_penalty: 0.5, frequency_penalty: 0.25, temperature: 0.2, max_completion_tokens: 50 },
      { stream },
    );
    const text = stream ? result.chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('') : result.completion?.choices[0]?.message.content;
    expect(text).toBe('Echo: hi you');
    expect(result.warnings).toEqual([]);
    expect(upstream.requests[0]?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi you' }] }],
      systemInstruction: { parts: [{ text: 'Short.' }] },
      generationConfig: { maxOutputTokens: 50, temperature: 0.2, stopSequences: ['END'], seed: 3, presencePenalty: 0.5, frequencyPenalty: 0.25 },
    });
  });

  it('returns tool calls as chat tool_calls', async () => {
    const result = await driveChat(
      adapter,
      { model: 'gemini/gemini-2.5-flash', messages: [{ role: 'user', content: 'use get_weather city=Rome' }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] },
      { stream },
    );
    if (stream) {
      expect(result.chunks.at(-2)?.choices[0]?.finish_reason ?? result.chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe('tool_calls');
    } else {
      expect(result.completion?.choices[0]?.finish_reason).toBe('tool_calls');
      expect(result.completion?.choices[0]?.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } });
    }
  });
});

describe('listModels', () => {
  it('lists models that can generate content, without the models/ prefix', async () => {
    await expect(adapter.listModels?.({ signal: new AbortController().signal })).resolves.toEqual(['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-image']);
  });
});
