import { createAnthropicAdapter, type AnthropicAdapter } from '@switchyard/provider-anthropic';
import { checkChatCompletionStream, checkResponsesStream, readSseEvents, startFakeAnthropicUpstream, type FakeAnthropicUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

const apiKey = 'sk-ant-api03-e2e-secret-0123456789';
const model = 'anthropic/claude-sonnet-4-5-20250929';
let upstream: FakeAnthropicUpstream;
let anthropic: AnthropicAdapter;
let gateway: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeAnthropicUpstream({ apiKey });
  anthropic = createAnthropicAdapter({ apiKey, baseURL: upstream.url });
  // These tests check how one upstream failure reaches the client, so the gateway does not retry it
  // (the router's retries: zero-config-routing.test.ts, routing-fallbacks.test.ts).
  gateway = await startTestGateway({ adapters: { anthropic }, config: { routing: { retry: { max_retries: 0 } } } });
  client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway.close(); // also closes the adapter's pool
  await anthropic.close();
  await upstream.close();
});

describe('Anthropic through the gateway with the openai client', () => {
  it('streams /v1/responses with responses.stream() and finalResponse()', async () => {
    const events: unknown[] = [];
    const stream = client.responses.stream({ model, instructions: 'Be brief.', input: 'Hello there', store: false });
    for await (const event of stream) events.push(event);
    checkResponsesStream(events);
    const final = await stream.finalResponse();
    expect(final).toMatchObject({ status: 'completed', model, output_text: 'Echo: Hello there' });
    expect(upstream.requests.at(-1)?.headers['x-api-key']).toBe(apiKey);
    expect(upstream.requests.at(-1)?.body).toMatchObject({ model: 'claude-sonnet-4-5-20250929', stream: true, system: [{ type: 'text', text: 'Be brief.' }] });
  });

  it('answers responses.create without streaming, with a tool call', async () => {
    const response = await client.responses.create({
      model,
      input: 'call weather',
      store: false,
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }],
    });
    expect(response.status).toBe('completed');
    expect(response.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'weather', arguments: '{"city":"value"}' })]);
  });

  it('round-trips thinking through the client with encrypted_content', async () => {
    const first = await client.responses.create({ model, input: 'Why?', reasoning: { effort: 'low' }, include: ['reasoning.encrypted_content'], store: false });
    const reasoning = first.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.type === 'reasoning' ? reasoning.encrypted_content : undefined).toMatch(/^anthropic:/);
    const second = await client.responses.create({
      model,
      reasoning: { effort: 'low' },
      store: false,
      input: [{ role: 'user', content: 'Why?' }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { role: 'user', content: 'More.' }],
    });
    expect(second.status).toBe('completed');
    expect(JSON.stringify((upstream.requests.at(-1)?.body as { messages: unknown[] }).messages[1])).toContain('"type":"thinking"');
  });

  it('continues a stored conversation with previous_response_id, thinking block included', async () => {
    const first = await client.responses.create({ model, input: 'Remember me?', reasoning: { effort: 'low' } });
    const second = await client.responses.create({ model, input: 'Still there?', reasoning: { effort: 'low' }, previous_response_id: first.id });
    expect(second.status).toBe('completed');
    const messages = (upstream.requests.at(-1)?.body as { messages: Array<{ role: string; content: Array<{ type: string }> }> }).messages;
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]?.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('answers chat.completions.create without and with streaming', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 50 });
    expect(completion.choices[0]?.message.content).toBe('Echo: Hi');
    expect(completion.choices[0]?.finish_reason).toBe('stop');

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

  it('shows automatic prompt caching as cached tokens on the second turn', async () => {
    const instructions = 'You answer questions about the Switchyard gateway. '.repeat(10);
    const first = await client.responses.create({ model, instructions, input: 'What is it?', store: false });
    expect(first.usage?.input_tokens_details.cached_tokens).toBe(0);
    const second = await client.responses.create({
      model,
      instructions,
      store: false,
      input: [
        { role: 'user', content: 'What is it?' },
        { role: 'assistant', content: first.output_text },
        { role: 'user', content: 'And what else?' },
      ],
    });
    expect(second.usage?.input_tokens_details.cached_tokens).toBeGreaterThan(0);
    expect(upstream.requests.at(-1)?.body).toMatchObject({ system: [{ type: 'text', text: instructions, cache_control: { type: 'ephemeral' } }] });
  });

  it('counts input tokens through Anthropic’s count_tokens', async () => {
    const counted = await client.responses.inputTokens.count({ model, instructions: 'Be brief.', input: 'How many tokens is this?' });
    expect(counted).toMatchObject({ object: 'response.input_tokens', input_tokens: expect.any(Number) });
    expect(upstream.requests.at(-1)?.path).toBe('/v1/messages/count_tokens');
  });

  it('answers an overloaded upstream with a retryable 503 in OpenAI’s envelope, without the key', async () => {
    upstream.enqueue({ kind: 'error', status: 529 });
    const failure = await client.responses.create({ model, input: 'Hi', store: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    const apiError = failure as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(503);
    expect(apiError.error).toMatchObject({ code: 'overloaded_error' });
    expect(JSON.stringify(apiError.error)).not.toContain(apiKey);
  });
});
