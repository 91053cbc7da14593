import type { Response, ResponseStreamEvent } from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateResponse, type Warning } from '@switchyard/core';
import { checkResponsesStream, startFakeChatProvider, type FakeChatProvider } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleAdapter, type OpenAICompatibleAdapter } from './openai-compatible-adapter.js';

let fake: FakeChatProvider | undefined;
let adapter: OpenAICompatibleAdapter | undefined;
afterEach(async () => {
  await adapter?.close();
  await fake?.close();
});

const options = () => ({ responseId: 'resp_gw', createdAt: 1_700_000_000, model: 'deepseek/deepseek-reasoner', generateId: createSequentialIdGenerator() });
const context = (upstreamModel: string, strict = false) => ({
  signal: new AbortController().signal,
  requestId: 'req_1',
  upstreamModel,
  warnings: [] as Warning[],
  strict,
});

describe('/v1/responses served by a chat-only provider', () => {
  it('streams a valid Responses sequence with reasoning, text and usage (DeepSeek reasoner)', async () => {
    fake = await startFakeChatProvider({ flavour: 'deepseek' });
    adapter = createOpenAICompatibleAdapter({ flavour: 'deepseek', apiKey: 'sk-deepseek-test-123456', baseURL: fake.url });
    const ctx = context('deepseek-reasoner');
    const result = await serveCreateResponse(
      adapter,
      { body: { model: 'deepseek/deepseek-reasoner', instructions: 'Be brief.', input: 'Hi', temperature: 0.3, stream: true } },
      ctx,
      options(),
    );
    const events: ResponseStreamEvent[] = [];
    for await (const event of result as AsyncIterable<ResponseStreamEvent>) events.push(event);
    checkResponsesStream(events);
    const completed = events.at(-1);
    expect(completed?.type).toBe('response.completed');
    const response = (completed as { response: Response }).response;
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.usage?.input_tokens).toEqual(expect.any(Number));
    expect(fake.requests[0]?.body).toEqual({
      model: 'deepseek-reasoner',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(ctx.warnings).toEqual([expect.objectContaining({ parameter: 'temperature' })]);
  });

  it('answers a strict-mode 400 before calling the provider', async () => {
    fake = await startFakeChatProvider({ flavour: 'groq' });
    adapter = createOpenAICompatibleAdapter({ flavour: 'groq', apiKey: 'gsk-test-123456789', baseURL: fake.url });
    await expect(
      serveCreateResponse(adapter, { body: { model: 'groq/x', input: 'Hi', top_logprobs: 3 } }, context('llama-3.3-70b-versatile', true), options()),
    ).rejects.toMatchObject({ status: 400, param: 'top_logprobs' });
    expect(fake.requests).toEqual([]);
  });

  it('returns a Response object without streaming (Mistral, max_tokens and a function call round trip)', async () => {
    fake = await startFakeChatProvider({ flavour: 'mistral' });
    adapter = createOpenAICompatibleAdapter({ flavour: 'mistral', apiKey: 'mistral-test-123456', baseURL: fake.url });
    const result = (await serveCreateResponse(
      adapter,
      {
        body: {
          model: 'mistral/mistral-large-latest',
          input: [
            { role: 'user', content: 'Weather?' },
            { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{}' },
            { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
          ],
          max_output_tokens: 20,
        },
      },
      context('mistral-large-latest'),
      options(),
    )) as Response;
    expect(result).toMatchObject({ object: 'response', status: 'completed' });
    expect(fake.requests[0]?.body).toMatchObject({
      max_tokens: 20,
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
    });
  });
});
