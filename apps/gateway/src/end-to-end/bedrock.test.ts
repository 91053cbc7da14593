import { createBedrockAdapter, type BedrockAdapter } from '@switchyard/provider-bedrock';
import { checkChatCompletionStream, checkResponsesStream, readSseEvents, startFakeBedrockUpstream, type FakeBedrockUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const credentials = { accessKeyId: 'AKIAE2ETESTKEY000001', secretAccessKey: 'e2eSecretAccessKeyValue/0123456789abcdef' };
const model = 'bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0';
let upstream: FakeBedrockUpstream;
let bedrock: BedrockAdapter;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeBedrockUpstream({ accessKeyId: credentials.accessKeyId });
  bedrock = createBedrockAdapter({ region: 'eu-west-1', endpoint: upstream.url, credentials });
  // These tests check how one upstream failure reaches the client, so the gateway does not retry it
  // (the router's retries: zero-config-routing.test.ts, routing-fallbacks.test.ts).
  gateway = await startTestGateway({ adapters: { bedrock }, config: { routing: { retry: { max_retries: 0 } } } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close();
  await bedrock.close();
  await upstream.close();
});

describe('Bedrock through the gateway with the openai client', () => {
  it('streams /v1/responses with responses.stream() and finalResponse(), over SigV4 and ConverseStream', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model, instructions: 'Be brief.', input: 'Hello there', store: false });
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    const final = await stream.finalResponse();
    expect(final).toMatchObject({ status: 'completed', model, output_text: 'Echo: Hello there' });
    const request = upstream.requests.at(-1);
    expect(request?.operation).toBe('converse-stream');
    expect(request?.modelId).toBe('anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(String(request?.headers.authorization)).toContain(`Credential=${credentials.accessKeyId}/`);
    expect(String(request?.headers.authorization)).toContain('/eu-west-1/bedrock/aws4_request');
    expect(request?.body).toMatchObject({ system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'Hello there' }] }] });
  });

  it('answers responses.create without streaming, with a tool call', async () => {
    const response = await client.responses.create({
      model,
      input: 'call weather',
      store: false,
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }],
    });
    expect(response.status).toBe('completed');
    expect(response.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'weather', arguments: '{"city":"Paris"}' })]);
    expect(upstream.requests.at(-1)?.operation).toBe('converse');
  });

  it('round-trips thinking through the client with encrypted_content', async () => {
    const first = await client.responses.create({ model, input: 'Why?', reasoning: { effort: 'low' }, include: ['reasoning.encrypted_content'], store: false });
    const reasoning = first.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.type === 'reasoning' ? reasoning.encrypted_content : undefined).toMatch(/^bedrock:/);
    const sent = upstream.answers.at(-1)?.answer.reasoning[0];
    const second = await client.responses.create({
      model,
      reasoning: { effort: 'low' },
      store: false,
      input: [{ role: 'user', content: 'Why?' }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { role: 'user', content: 'More.' }],
    });
    expect(second.status).toBe('completed');
    expect(sent !== undefined && 'text' in sent).toBe(true);
    expect(upstream.requests.at(-1)?.rawBody).toContain(JSON.stringify({ reasoningContent: { reasoningText: sent } }));
  });

  it('answers chat.completions.create without and with streaming', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 50 });
    expect(completion.choices[0]?.message.content).toBe('Echo: Hi');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });

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

  it('answers a throttled upstream with a retryable 429 in OpenAI’s envelope, without credentials', async () => {
    upstream.enqueue({ kind: 'error', errorType: 'ThrottlingException', message: `Rate exceeded for ${credentials.accessKeyId}` });
    const failure = await client.responses.create({ model, input: 'Hi', store: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    const apiError = failure as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(429);
    expect(apiError.error).toMatchObject({ type: 'rate_limit_error', code: 'ThrottlingException' });
    expect(JSON.stringify(apiError.error)).not.toContain(credentials.accessKeyId);
    expect(JSON.stringify(apiError.error)).not.toContain(credentials.secretAccessKey);
  });

  it('ends a stream broken by a mid-stream exception with response.failed', async () => {
    upstream.enqueue({ kind: 'stream-exception', exceptionType: 'modelStreamErrorException', afterEvents: 3 });
    const stream = client.responses.stream({ model, input: 'one two three four five six', store: false });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type)).toContain('response.output_text.delta');
    const last = events.at(-1);
    expect(last?.type).toBe('response.failed');
    expect(last?.type === 'response.failed' ? last.response.error : undefined).toMatchObject({ code: 'server_error' });
  });
});
