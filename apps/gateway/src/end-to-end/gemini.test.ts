import { createGeminiAdapter, createVertexAdapter, type GeminiAdapter } from '@switchyard/provider-google';
import { checkChatCompletionStream, checkResponsesStream, fakeGeminiImageBase64, readSseEvents, startFakeGeminiUpstream, type FakeGeminiUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const model = 'gemini/gemini-2.5-flash';
let upstream: FakeGeminiUpstream;
let gemini: GeminiAdapter;
let vertex: GeminiAdapter;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeGeminiUpstream({ apiKey: 'AIzaSyE2eSecretKey0123456789abcdefgh' });
  gemini = createGeminiAdapter({ apiKey: upstream.apiKey, baseURL: upstream.url });
  vertex = createVertexAdapter({ project: 'proj', location: 'us-central1', baseURL: upstream.vertexURL, tokenProvider: () => Promise.resolve(upstream.accessToken) });
  // These tests check how one upstream failure reaches the client, so the gateway does not retry it
  // (the router's retries: zero-config-routing.test.ts, routing-fallbacks.test.ts).
  gateway = await startTestGateway({ adapters: { gemini, vertex }, config: { routing: { retry: { max_retries: 0 } } } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await gemini.close();
  await vertex.close();
  await upstream.close();
});

describe('Gemini through the gateway with the openai client', () => {
  it('streams /v1/responses with responses.stream() and finalResponse()', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model, instructions: 'Be brief.', input: 'Hello there', store: false });
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    const final = await stream.finalResponse();
    expect(final).toMatchObject({ status: 'completed', model, output_text: 'Echo: Hello there' });
    const recorded = upstream.requests.at(-1);
    expect(recorded?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(recorded?.headers['x-goog-api-key']).toBe(upstream.apiKey);
    expect(recorded?.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] } });
  });

  it('answers responses.create with a tool call, then takes the result back', async () => {
    const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }];
    const first = await client.responses.create({ model, input: 'call weather city=Oslo', store: false, tools });
    expect(first.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'weather', arguments: '{"city":"Oslo"}' })]);
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    const second = await client.responses.create({
      model,
      store: false,
      tools,
      input: [{ role: 'user', content: 'call weather city=Oslo' }, call, { type: 'function_call_output', call_id: call.call_id, output: '{"sky":"clear"}' }],
    });
    expect(second.output_text).toBe('Result: {"sky":"clear"}');
  });

  it('round-trips thinking signatures through the client', async () => {
    const first = await client.responses.create({ model, input: 'Why?', reasoning: { effort: 'low', summary: 'auto' }, include: ['reasoning.encrypted_content'], store: false });
    const reasoning = first.output.filter((item) => item.type === 'reasoning');
    expect(reasoning.map((item) => (item.type === 'reasoning' ? item.encrypted_content?.slice(0, 7) : ''))).toEqual(['gemini:', 'gemini:']);
    await client.responses.create({
      model,
      store: false,
      input: [{ role: 'user', content: 'Why?' }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { role: 'user', content: 'More.' }],
    });
    const contents = (upstream.requests.at(-1)?.body as { contents: Array<{ role: string; parts: unknown[] }> }).contents;
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [{ text: 'Thinking about the request.', thought: true }, { text: 'Echo: Why?', thoughtSignature: 'c2lnbmF0dXJlLQ==1' }],
    });
  });

  it('generates an image with gemini-2.5-flash-image and no tools', async () => {
    const response = await client.responses.create({ model: 'gemini/gemini-2.5-flash-image', input: 'a red dot', store: false });
    const image = response.output.find((item) => item.type === 'image_generation_call');
    expect(image).toMatchObject({ type: 'image_generation_call', status: 'completed', result: fakeGeminiImageBase64 });
    expect((image as { result: string }).result.startsWith('data:')).toBe(false);

    const events: unknown[] = [];
    const stream = client.responses.stream({ model: 'gemini/gemini-2.5-flash-image', input: 'a blue dot', store: false });
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    const final = await stream.finalResponse();
    expect(final.output.find((item) => item.type === 'image_generation_call')).toMatchObject({ result: fakeGeminiImageBase64 });
  });

  it('answers chat.completions.create without and with streaming', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 50 });
    expect(completion.choices[0]?.message.content).toBe('Echo: Hi');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 2 });

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

  it('serves Vertex AI on the same payloads', async () => {
    const completion = await client.chat.completions.create({ model: 'vertex/gemini-2.5-pro', messages: [{ role: 'user', content: 'Hi vertex' }] });
    expect(completion.choices[0]?.message.content).toBe('Echo: Hi vertex');
    expect(upstream.requests.at(-1)?.path).toBe('/v1/projects/proj/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent');
  });

  it('answers an upstream 429 with a 429 and never shows the key', async () => {
    upstream.enqueue({ kind: 'error', status: 429, body: { error: { code: 429, message: `Quota exceeded for ${upstream.apiKey}`, status: 'RESOURCE_EXHAUSTED' } } });
    const error = await client.responses.create({ model, input: 'x', store: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
    expect(JSON.stringify((error as InstanceType<typeof OpenAI.APIError>).error)).not.toContain(upstream.apiKey);
  });

  it('returns what Gemini cannot honour in x-switchyard-warnings, or a 400 in strict mode', async () => {
    const body = { model, messages: [{ role: 'user' as const, content: 'Hi' }], logit_bias: { '42': 1 } };
    const { response } = await client.chat.completions.create(body).withResponse();
    const warnings = JSON.parse(response.headers.get('x-switchyard-warnings') ?? '[]') as Array<{ parameter?: string }>;
    expect(warnings.map((warning) => warning.parameter)).toEqual(['logit_bias']);
    const before = upstream.requests.length;
    const strict = await client.chat.completions.create(body, { headers: { 'x-switchyard-strict': 'true' } }).catch((caught: unknown) => caught);
    expect(strict).toMatchObject({ status: 400, error: { code: 'unsupported_parameter', param: 'logit_bias' } });
    expect(upstream.requests).toHaveLength(before);
  });

  it('lists the Gemini models that can generate content', async () => {
    const ids: string[] = [];
    for await (const entry of client.models.list()) ids.push(entry.id);
    expect(ids).toEqual(expect.arrayContaining(['gemini/gemini-2.5-flash', 'gemini/gemini-2.5-flash-image']));
    expect(ids).not.toContain('gemini/text-embedding-004');
  });
});
