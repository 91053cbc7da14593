import type { ProviderAdapter } from '@switchyard/core';
import { createOpenAIAdapter, type OpenAIAdapter } from '@switchyard/provider-openai';
import { checkChatCompletionStream, checkResponsesStream, readSseEvents, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

let upstream: FakeOpenAIUpstream;
let openai: OpenAIAdapter;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream();
  openai = createOpenAIAdapter({ apiKey: 'sk-fake', baseURL: upstream.url });
  // The real OpenAI adapter with one of its two generation operations taken away, so the
  // gateway must bridge: `chatonly` answers /v1/responses through Chat Completions, and
  // `responsesonly` answers /v1/chat/completions through the Responses API.
  const chatOnly: ProviderAdapter = { provider: 'chatonly', operations: { createChatCompletion: openai.operations.createChatCompletion } };
  const responsesOnly: ProviderAdapter = { provider: 'responsesonly', operations: { createResponse: openai.operations.createResponse } };
  gateway = await startTestGateway({ adapters: { chatonly: chatOnly, responsesonly: responsesOnly } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await openai.close();
  await upstream.close();
});

describe('a chat-only provider behind /v1/responses', () => {
  it('answers responses.create through the bridge', async () => {
    const response = await client.responses.create({ model: 'chatonly/gpt-4o-mini', input: 'Say hello' });
    expect(response).toMatchObject({ object: 'response', status: 'completed', model: 'chatonly/gpt-4o-mini' });
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(upstream.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });

  it('streams a valid Responses event sequence through the bridge', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model: 'chatonly/gpt-4o-mini', input: 'Tell me a story' });
    for await (const event of stream) events.push(event);
    expect((await stream.finalResponse()).status).toBe('completed');
    checkResponsesStream(events);
  });

  it('in strict mode rejects a parameter chat cannot honour, before calling upstream', async () => {
    const before = upstream.requests.length;
    const error = await client.responses
      .create(
        { model: 'chatonly/gpt-4o-mini', input: 'hi', reasoning: { summary: 'auto' } },
        { headers: { 'x-switchyard-strict': 'true' } },
      )
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ code: 'unsupported_parameter' });
    expect(upstream.requests.length).toBe(before);
  });
});

describe('a responses-only provider behind /v1/chat/completions', () => {
  it('streams valid chat chunks with usage through the bridge', async () => {
    const raw = await client.chat.completions
      .create({ model: 'responsesonly/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } })
      .asResponse();
    const records = [];
    for await (const record of readSseEvents(raw.body!)) records.push(record);
    checkChatCompletionStream(records, { includeUsage: true });
    expect(upstream.requests.at(-1)?.path).toBe('/v1/responses');
  });
});
