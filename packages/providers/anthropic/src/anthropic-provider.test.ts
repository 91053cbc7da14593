import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  InputItem,
  Response,
  ResponseStreamEvent,
} from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse, type ServeContext, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, checkResponsesStream, startFakeAnthropicUpstream, type FakeAnthropicUpstream } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnthropicAdapter, type AnthropicAdapter } from './anthropic-provider.js';

const apiKey = 'sk-ant-api03-secret-test-key-0123456789';
let fake: FakeAnthropicUpstream | undefined;
let adapter: AnthropicAdapter | undefined;
afterEach(async () => {
  await adapter?.close();
  await fake?.close();
});

async function setUp(options: { promptCaching?: 'auto' | 'off' } = {}): Promise<{ fake: FakeAnthropicUpstream; adapter: AnthropicAdapter }> {
  fake = await startFakeAnthropicUpstream({ apiKey });
  adapter = createAnthropicAdapter({ apiKey, baseURL: fake.url, promptCaching: options.promptCaching ?? 'off' });
  return { fake, adapter };
}

const model = 'claude-sonnet-4-5-20250929';
const context = (fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } => ({
  signal: new AbortController().signal,
  requestId: 'req_test',
  upstreamModel: model,
  warnings: [],
  ...fields,
});

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** Serves /v1/responses, streaming or not; streams are checked and reduced to their final Response. */
async function respond(body: Omit<CreateResponse, 'model'>, stream: boolean, serveContext = context()): Promise<Response> {
  if (adapter === undefined) throw new Error('no adapter');
  const options = { responseId: 'resp_test', createdAt: 1_700_000_000, model: `anthropic/${model}`, generateId: createSequentialIdGenerator() };
  const result = await serveCreateResponse(adapter, { body: { model: `anthropic/${model}`, ...body, stream } }, serveContext, options);
  if (!stream) return result as Response;
  const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
  checkResponsesStream(events);
  const last = events.at(-1);
  if (last === undefined || !('response' in last)) throw new Error('stream without a final response');
  return last.response;
}

/** Serves /v1/chat/completions, streaming or not; streams are checked and folded into content, tool calls and finish reason. */
async function chat(body: Omit<CreateChatCompletionRequest, 'model'>, stream: boolean, serveContext = context()) {
  if (adapter === undefined) throw new Error('no adapter');
  const options = { id: 'chatcmpl-test', created: 1_700_000_000, model: `anthropic/${model}` };
  const request = { model: `anthropic/${model}`, ...body, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) };
  const result = await serveCreateChatCompletion(adapter, { body: request }, serveContext, options);
  if (!stream) {
    const completion = result as CreateChatCompletionResponse;
    const choice = completion.choices[0];
    return { content: choice?.message.content ?? '', toolCalls: (choice?.message.tool_calls ?? []).map((call) => (call.type === 'function' ? call.function.name : '')), finishReason: choice?.finish_reason, usage: completion.usage };
  }
  const chunks = await drain(result as AsyncIterable<CreateChatCompletionStreamResponse>);
  checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
  const names: string[] = [];
  for (const chunk of chunks) for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.function?.name !== undefined) names.push(call.function.name);
  return {
    content: chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join(''),
    toolCalls: names,
    finishReason: chunks.map((chunk) => chunk.choices[0]?.finish_reason).find((reason) => reason !== null && reason !== undefined),
    usage: chunks.at(-1)?.usage ?? undefined,
  };
}

const textOf = (response: Response): string =>
  response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : [])).join('');

const weatherTools = [
  { type: 'function' as const, name: 'weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false },
  { type: 'function' as const, name: 'time', description: 'Time in a city', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false },
];

describe.each([false, true])('the Anthropic adapter on /v1/responses (stream: %s)', (stream) => {
  it('answers plain text and sends the exact Messages body', async () => {
    const { fake } = await setUp();
    const response = await respond({ instructions: 'Be brief.', input: 'Hello', max_output_tokens: 200, temperature: 0.3 }, stream);
    expect(response.status).toBe('completed');
    expect(textOf(response)).toBe('Echo: Hello');
    expect(response.usage).toMatchObject({ output_tokens: 2 });
    expect(fake.requests[0]?.headers).toMatchObject({ 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' });
    expect(fake.requests[0]?.body).toEqual({
      model,
      max_tokens: 200,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      system: [{ type: 'text', text: 'Be brief.' }],
      temperature: 0.3,
      ...(stream ? { stream: true } : {}),
    });
  });

  it('runs a tool round trip', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'call weather', tools: weatherTools }, stream);
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'weather', arguments: '{"city":"value"}', call_id: expect.stringMatching(/^toolu_/) });
    const callId = call?.type === 'function_call' ? call.call_id : '';
    const input: InputItem[] = [
      { role: 'user', content: 'call weather' },
      { type: 'function_call', call_id: callId, name: 'weather', arguments: '{"city":"value"}' },
      { type: 'function_call_output', call_id: callId, output: 'sunny' },
    ];
    const second = await respond({ input, tools: weatherTools }, stream);
    expect(textOf(second)).toBe('Tool results: sunny');
    expect((fake.requests[1]?.body as { messages: unknown[] }).messages.slice(1)).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: callId, name: 'weather', input: { city: 'value' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId, content: 'sunny' }] },
    ]);
  });

  it('returns parallel tool calls, and one call with parallel_tool_calls: false', async () => {
    await setUp();
    const both = await respond({ input: 'call weather and time', tools: weatherTools }, stream);
    expect(both.output.filter((item) => item.type === 'function_call').map((item) => (item.type === 'function_call' ? item.name : ''))).toEqual(['weather', 'time']);
    const one = await respond({ input: 'call weather and time', tools: weatherTools, parallel_tool_calls: false }, stream);
    expect(one.output.filter((item) => item.type === 'function_call')).toHaveLength(1);
  });

  it('answers json_schema as JSON text', async () => {
    await setUp();
    const response = await respond(
      { input: 'Who?', text: { format: { type: 'json_schema', name: 'person', schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } }, strict: true } } },
      stream,
    );
    expect(response.status).toBe('completed');
    expect(JSON.parse(textOf(response))).toEqual({ name: 'value', age: 1 });
    expect(response.output.some((item) => item.type === 'function_call')).toBe(false);
  });

  it('sends image input', async () => {
    const { fake } = await setUp();
    const response = await respond({ input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' }] }] }, stream);
    expect(textOf(response)).toBe('Echo: What is this? (1 image)');
    expect(JSON.stringify(fake.requests[0]?.body)).toContain('"source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}');
  });

  it('round-trips reasoning byte-identically (signature included)', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'Why is the sky blue?', reasoning: { effort: 'low' }, include: ['reasoning.encrypted_content'] }, stream);
    const reasoning = first.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.type === 'reasoning' ? reasoning.summary.map((part) => part.text).join('') : '').toBe('Thinking about: Why is the sky blue?');
    const firstBody = fake.requests[0]?.body as { thinking: unknown };
    expect(firstBody.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    // Turn 2: the client sends the output items back as input.
    const input = [{ role: 'user' as const, content: 'Why is the sky blue?' }, ...(first.output as InputItem[]), { role: 'user' as const, content: 'Say more.' }];
    const second = await respond({ input, reasoning: { effort: 'low' } }, stream);
    expect(second.status).toBe('completed');
    const sent = fake.requests[1]?.rawBody ?? '';
    const { fakeThinkingSignature } = await import('@switchyard/testing');
    const signature = fakeThinkingSignature('Thinking about: Why is the sky blue?');
    expect(sent).toContain(`{"role":"assistant","content":[{"type":"thinking","thinking":"Thinking about: Why is the sky blue?","signature":${JSON.stringify(signature)}},{"type":"text","text":"Echo: Why is the sky blue?"}]}`);
    expect(fake.requests[1]?.body).toEqual({
      model,
      max_tokens: 64000,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why is the sky blue?' }] },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'Thinking about: Why is the sky blue?', signature }, { type: 'text', text: 'Echo: Why is the sky blue?' }] },
        { role: 'user', content: [{ type: 'text', text: 'Say more.' }] },
      ],
      thinking: { type: 'enabled', budget_tokens: 1024 },
      ...(stream ? { stream: true } : {}),
    });
  });

  it('round-trips redacted thinking', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'Something redacted please', reasoning: { effort: 'medium' } }, stream);
    const input = [{ role: 'user' as const, content: 'Something redacted please' }, ...(first.output as InputItem[]), { role: 'user' as const, content: 'Go on.' }];
    const second = await respond({ input, reasoning: { effort: 'medium' } }, stream);
    expect(second.status).toBe('completed');
    expect(fake.requests[1]?.rawBody).toContain('{"type":"redacted_thinking","data":"RkFLRS1SRURBQ1RFRC1USElOS0lORw=="}');
  });

  it('reports a max-tokens cut as incomplete', async () => {
    await setUp();
    const response = await respond({ input: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen', max_output_tokens: 16 }, stream);
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(textOf(response).trim().split(' ')).toHaveLength(16);
  });

  it('shows prompt-cache reads in usage on the second turn', async () => {
    await setUp({ promptCaching: 'auto' });
    const instructions = 'You are a careful assistant. '.repeat(20);
    const first = await respond({ instructions, input: 'First question' }, stream);
    expect(first.usage?.input_tokens_details.cached_tokens).toBe(0);
    const second = await respond(
      { instructions, input: [{ role: 'user', content: 'First question' }, { role: 'assistant', content: textOf(first) }, { role: 'user', content: 'Second question' }] },
      stream,
    );
    const cached = second.usage?.input_tokens_details.cached_tokens ?? 0;
    expect(cached).toBeGreaterThan(0);
    expect(second.usage?.input_tokens).toBeGreaterThan(cached);
  });
});

describe.each([false, true])('the Anthropic adapter on /v1/chat/completions (stream: %s)', (stream) => {
  it('answers a multi-turn conversation with system messages and usage', async () => {
    const { fake } = await setUp();
    const result = await chat(
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'How are you?' },
        ],
        max_completion_tokens: 100,
        stop: ['never'],
      },
      stream,
    );
    expect(result).toMatchObject({ content: 'Echo: How are you?', finishReason: 'stop', usage: { completion_tokens: 4 } });
    expect(fake.requests[0]?.body).toMatchObject({ system: [{ type: 'text', text: 'Be brief.' }], stop_sequences: ['never'], max_tokens: 100 });
  });

  it('returns tool calls with finish_reason tool_calls', async () => {
    await setUp();
    const tools = weatherTools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, parameters: tool.parameters } }));
    const result = await chat({ messages: [{ role: 'user', content: 'call weather and time' }], tools }, stream);
    expect(result).toMatchObject({ toolCalls: ['weather', 'time'], finishReason: 'tool_calls' });
  });

  it('stops at a stop sequence and at max tokens', async () => {
    await setUp();
    expect(await chat({ messages: [{ role: 'user', content: 'alpha beta gamma' }], stop: 'beta' }, stream)).toMatchObject({ content: 'Echo: alpha ', finishReason: 'stop' });
    expect(await chat({ messages: [{ role: 'user', content: 'a b c d e f g h i j k l m n o p q r' }], max_tokens: 16 }, stream)).toMatchObject({ finishReason: 'length' });
  });

  it('warns about what Anthropic cannot take, and rejects it in strict mode before calling upstream', async () => {
    const { fake } = await setUp();
    const relaxed = context();
    await chat({ messages: [{ role: 'user', content: 'Hi' }], seed: 3, logit_bias: { '50': 1 } }, stream, relaxed);
    expect(relaxed.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : ''))).toEqual(['seed', 'logit_bias']);
    await expect(chat({ messages: [{ role: 'user', content: 'Hi' }], seed: 3 }, stream, context({ strict: true }))).rejects.toMatchObject({ status: 400, param: 'seed' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('upstream failures', () => {
  it.each([
    [400, 400, 'invalid_request_error', false],
    [401, 401, 'authentication_error', false],
    [403, 403, 'permission_error', false],
    [404, 404, 'not_found_error', false],
    [413, 413, 'request_too_large', false],
    [429, 429, 'rate_limit_error', true],
    [500, 500, 'api_error', true],
    [529, 503, 'overloaded_error', true],
  ])('maps an upstream %i to %i (%s)', async (upstreamStatus, status, code, retryable) => {
    const { fake } = await setUp();
    fake.enqueue({ kind: 'error', status: upstreamStatus }, { times: 2 });
    for (const stream of [false, true]) {
      const failure = await respond({ input: 'Hi' }, stream).catch((error: unknown) => error);
      expect(failure).toMatchObject({ status, code, isRetryable: retryable });
      if (upstreamStatus === 429) expect(failure).toMatchObject({ headers: { 'retry-after': '7' } });
    }
  });

  it('rejects before output when the stream opens with an overloaded error event', async () => {
    const { fake } = await setUp();
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 1 });
    await expect(respond({ input: 'Hi' }, true)).rejects.toMatchObject({ status: 503, code: 'overloaded_error', isRetryable: true });
  });

  it('ends a started Responses stream with response.failed on a mid-stream error event, and a chat stream with an error', async () => {
    const { fake } = await setUp();
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 4 });
    const result = await serveCreateResponse(
      adapter as AnthropicAdapter,
      { body: { model: `anthropic/${model}`, input: 'one two three', stream: true } },
      context(),
      { responseId: 'resp_x', createdAt: 1, model: `anthropic/${model}` },
    );
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(events.at(-1)).toMatchObject({ type: 'response.failed', response: { error: { code: 'server_error', message: 'anthropic reported an error: Overloaded' } } });
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 4 });
    await expect(chat({ messages: [{ role: 'user', content: 'one two three' }] }, true)).rejects.toMatchObject({ status: 503 });
  });

  it('fails a stream whose connection drops after output began', async () => {
    fake = await startFakeAnthropicUpstream({ apiKey, chunkIntervalMs: 5 });
    adapter = createAnthropicAdapter({ apiKey, baseURL: fake.url });
    fake.enqueue({ kind: 'cut-mid-stream', afterEvents: 4 });
    const response = await respond({ input: 'one two three' }, true);
    expect(response.status).toBe('failed');
  });

  it('never puts the API key in an error message', async () => {
    const { fake } = await setUp();
    fake.enqueue({ kind: 'error', status: 401, body: { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${apiKey}` } } });
    const failure = (await respond({ input: 'Hi' }, false).catch((error: unknown) => error)) as Error & { responseBody?: string };
    expect(failure.message).toContain('invalid x-api-key');
    expect(failure.message).not.toContain(apiKey);
    expect(failure.responseBody ?? '').not.toContain(apiKey);
  });

  it('aborts the upstream call when the client goes away', async () => {
    fake = await startFakeAnthropicUpstream({ apiKey, chunkIntervalMs: 20 });
    adapter = createAnthropicAdapter({ apiKey, baseURL: fake.url });
    const controller = new AbortController();
    const result = await serveCreateResponse(
      adapter,
      { body: { model: `anthropic/${model}`, input: 'one two three four five six seven eight', stream: true } },
      context({ signal: controller.signal }),
      { responseId: 'resp_x', createdAt: 1, model: `anthropic/${model}` },
    );
    const iterator = (result as AsyncIterable<ResponseStreamEvent>)[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await iterator.next().catch(() => undefined);
    await expect(fake.waitForClientAbort()).resolves.toMatchObject({ path: '/v1/messages', streaming: true });
  });
});

describe('other upstream answers', () => {
  it('thinks adaptively on Claude 4.6 models', async () => {
    const { fake } = await setUp();
    const response = await respond({ input: 'Why?', reasoning: { effort: 'high' } }, true, context({ upstreamModel: 'claude-sonnet-4-6' }));
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'claude-sonnet-4-6', thinking: { type: 'adaptive' }, output_config: { effort: 'high' }, max_tokens: 128000 });
  });

  it('maps a refusal stop reason to the refusal finish (which Chat Completions shows as stop)', async () => {
    const { fake } = await setUp();
    fake.enqueue({
      kind: 'reply',
      json: { id: 'msg_r', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'I cannot help with that.' }], stop_reason: 'refusal', stop_sequence: null, usage: { input_tokens: 5, output_tokens: 6 } },
    });
    const completion = await chat({ messages: [{ role: 'user', content: 'Something bad' }] }, false);
    expect(completion).toMatchObject({ content: 'I cannot help with that.', finishReason: 'stop' });
    fake.enqueue({
      kind: 'reply',
      json: { id: 'msg_r', type: 'message', role: 'assistant', model, content: [], stop_reason: 'refusal', stop_sequence: null, usage: { input_tokens: 5, output_tokens: 0 } },
    });
    expect((await respond({ input: 'Something bad' }, false)).status).toBe('completed');
  });

  it('reads a non-streamed documented Message with cache usage', async () => {
    const { fake } = await setUp();
    const { loadAnthropicFixture } = await import('@switchyard/testing');
    fake.enqueue({ kind: 'reply', json: JSON.parse(loadAnthropicFixture('anthropic-message.json')) });
    const response = await respond({ input: 'Hi' }, false);
    expect(textOf(response)).toBe('Hi! My name is Claude.');
    expect(response.usage).toMatchObject({ input_tokens: 4143, input_tokens_details: { cached_tokens: 2048 }, output_tokens: 503, total_tokens: 4646 });
  });

  it.each(['anthropic-text.sse', 'anthropic-tool-use.sse', 'anthropic-thinking.sse'] as const)('replays the documented %s on both endpoints through the stream checkers', async (name) => {
    const { fake } = await setUp();
    const { loadAnthropicFixture } = await import('@switchyard/testing');
    fake.enqueue({ kind: 'reply', sse: loadAnthropicFixture(name) }, { times: 2 });
    const response = await respond({ input: 'Hi', tools: weatherTools }, true);
    expect(response.status).toBe('completed');
    const completion = await chat({ messages: [{ role: 'user', content: 'Hi' }] }, true);
    expect(completion.finishReason).toBe(name === 'anthropic-tool-use.sse' ? 'tool_calls' : 'stop');
  });

  it('never follows a redirect', async () => {
    const { fake } = await setUp();
    fake.enqueue({ kind: 'redirect', location: 'http://127.0.0.1:1/steal' });
    await expect(respond({ input: 'Hi' }, false)).rejects.toMatchObject({ status: 502, code: 'upstream_redirect' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('listModels', () => {
  it('lists the upstream model ids', async () => {
    const { adapter } = await setUp();
    await expect(adapter.listModels({ signal: new AbortController().signal })).resolves.toEqual(['claude-sonnet-4-5-20250929', 'claude-3-5-haiku-20241022', 'claude-opus-4-1-20250805']);
  });
});
