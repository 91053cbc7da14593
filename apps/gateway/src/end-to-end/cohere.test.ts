import { createCohereAdapter, type CohereAdapter } from '@switchyard/provider-cohere';
import { checkChatCompletionStream, checkResponsesStream, readSseEvents, startFakeCohereUpstream, type FakeCohereUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const apiKey = 'co-e2e-secret-key-0123456789';
const model = 'cohere/command-a-03-2025';
const weather = {
  type: 'function' as const,
  name: 'get_weather',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  strict: false,
};
let upstream: FakeCohereUpstream;
let cohere: CohereAdapter;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeCohereUpstream({ apiKey });
  cohere = createCohereAdapter({ apiKey, baseURL: upstream.url });
  // These tests check how one upstream failure reaches the client, so the gateway does not retry it
  // (the router's retries: zero-config-routing.test.ts, routing-fallbacks.test.ts).
  gateway = await startTestGateway({ adapters: { cohere }, config: { routing: { retry: { max_retries: 0 } } } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await cohere.close();
  await upstream.close();
});

describe('Cohere through the gateway with the openai client', () => {
  it('streams /v1/responses with responses.stream() and finalResponse()', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model, instructions: 'Be brief.', input: 'Hello there', store: false });
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    const final = await stream.finalResponse();
    expect(final).toMatchObject({ status: 'completed', model, output_text: 'Echo: Hello there' });
    expect(upstream.requests.at(-1)?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(upstream.requests.at(-1)?.body).toMatchObject({
      model: 'command-a-03-2025',
      stream: true,
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello there' }],
    });
  });

  it('answers responses.create with a tool plan and a tool call, then the tool round trip with a citation', async () => {
    const first = await client.responses.create({ model, input: 'call get_weather', tools: [weather], store: false });
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
    const call = first.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no call');
    expect(call).toMatchObject({ name: 'get_weather', arguments: '{"location":"test"}' });

    const second = await client.responses.create({
      model,
      tools: [weather],
      store: false,
      input: [
        { role: 'user', content: 'call get_weather' },
        ...(first.output as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: call.call_id, output: '{"temperature":"24°C"}' },
      ],
    });
    expect(second.output_text).toBe('Tool said: {"temperature":"24°C"}');
    const message = second.output.find((item) => item.type === 'message');
    const part = message?.type === 'message' ? message.content[0] : undefined;
    expect(part?.type === 'output_text' ? part.annotations : undefined).toEqual([
      { type: 'file_citation', file_id: `${call.call_id}:0`, filename: `${call.call_id}:0`, index: 33 },
    ]);
    expect((upstream.requests.at(-1)?.body as { messages: unknown[] }).messages[1]).toEqual({
      role: 'assistant',
      tool_plan: 'I will call get_weather.',
      tool_calls: [{ id: call.call_id, type: 'function', function: { name: 'get_weather', arguments: '{"location":"test"}' } }],
    });
  });

  it('answers chat.completions.create without and with streaming', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi from the documents' }], max_tokens: 50 });
    expect(completion.choices[0]?.message.content).toBe('Echo: Hi from the documents');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.annotations).toEqual([
      { type: 'url_citation', url_citation: { url: 'https://example.com/handbook', title: 'Switchyard handbook', start_index: 0, end_index: 4 } },
    ]);

    const raw = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'Hi again' }], stream: true, stream_options: { include_usage: true } })
      .asResponse();
    const records = [];
    for await (const record of readSseEvents(raw.body!)) records.push(record);
    checkChatCompletionStream(records, { includeUsage: true });
    const text = records
      .filter((record) => record.data !== '[DONE]')
      .map((record) => (JSON.parse(record.data) as { choices: Array<{ delta?: { content?: string } }> }).choices[0]?.delta?.content ?? '')
      .join('');
    expect(text).toBe('Echo: Hi again');
  });

  it('streams chat tool calls through the client', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'call get_weather' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weather.parameters } }],
      stream: true,
    });
    let args = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(args).toBe('{"location":"test"}');
    expect(finish).toBe('tool_calls');
  });

  it('maps a Cohere 429 to a 429 the client sees as a RateLimitError, without the key', async () => {
    upstream.enqueue({ kind: 'error', status: 429 });
    const failure = await client.responses.create({ model, input: 'Hi', store: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    expect(String((failure as Error).message)).not.toContain(apiKey);
  });
});
