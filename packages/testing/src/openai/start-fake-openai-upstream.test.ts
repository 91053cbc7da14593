import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChatCompletionStream } from '../checkers/check-chat-completion-stream.js';
import { checkResponsesStream } from '../checkers/check-responses-stream.js';
import { parseSseText } from '../sse/parse-sse-text.js';
import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from './start-fake-openai-upstream.js';

let upstream: FakeOpenAIUpstream;
let client: OpenAI;

beforeEach(async () => {
  upstream = await startFakeOpenAIUpstream();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: upstream.url, maxRetries: 0 });
});
afterEach(async () => {
  await upstream.close();
});

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Weather',
  parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
  strict: false,
};

async function rawPost(path: string, body: unknown): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${upstream.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('responses', () => {
  it('answers with the echo phrase and records the request', async () => {
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'hello there' });
    expect(response.output_text).toBe('Echo: hello there');
    expect(response.status).toBe('completed');
    expect(response.usage?.output_tokens).toBeGreaterThan(1);
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', path: '/v1/responses', body: { model: 'gpt-4o-mini' } });
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('streams the exact event sequence, accepted by the SDK and the checker', async () => {
    const { text } = await rawPost('/responses', { model: 'gpt-4o-mini', input: 'stream me please', stream: true });
    const records = parseSseText(text);
    checkResponsesStream(records);
    expect(records.map((record) => record.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...records.filter((record) => record.event === 'response.output_text.delta').map(() => 'response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(records.filter((record) => record.event === 'response.output_text.delta').length).toBeGreaterThan(3);
    expect(text).not.toContain('[DONE]');
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'stream me please' });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Echo: stream me please');
  });

  it('calls a function when asked to, with streamed arguments', async () => {
    const { text } = await rawPost('/responses', { model: 'gpt-4o-mini', input: 'please call get_weather', tools: [weatherTool], stream: true });
    const records = parseSseText(text);
    checkResponsesStream(records);
    const deltas = records.filter((record) => record.event === 'response.function_call_arguments.delta');
    expect(deltas.length).toBeGreaterThan(1);
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'please call get_weather', tools: [weatherTool] });
    expect(response.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"test","days":1}' });
  });

  it('answers a tool result and makes scripted parallel calls and reasoning', async () => {
    const after = await client.responses.create({
      model: 'gpt-4o-mini',
      input: [{ type: 'function_call_output', call_id: 'call_1', output: 'sunny' }],
    });
    expect(after.output_text).toBe('Tool said: sunny');
    upstream.enqueue({
      kind: 'answer',
      answer: { reasoning: { summary: 'Thinking it over' }, toolCalls: [{ name: 'a', arguments: { x: 1 } }, { name: 'b' }] },
    });
    const { text } = await rawPost('/responses', { model: 'o4-mini', input: 'hi', stream: true });
    const records = parseSseText(text);
    checkResponsesStream(records);
    const completed = JSON.parse(records.at(-1)?.data ?? '{}');
    expect(completed.response.output.map((item: { type: string }) => item.type)).toEqual(['reasoning', 'function_call', 'function_call']);
  });

  it('honours a small max_output_tokens with status incomplete', async () => {
    const tooSmall = await rawPost('/responses', { model: 'gpt-4o-mini', input: 'x', max_output_tokens: 3 });
    expect(tooSmall.status).toBe(400);
    expect(JSON.parse(tooSmall.text).error).toMatchObject({ param: 'max_output_tokens', code: 'integer_below_min_value' });
    const { text } = await rawPost('/responses', {
      model: 'gpt-4o-mini',
      input: 'a long sentence that will certainly not fit into sixteen small pieces of output at all',
      max_output_tokens: 16,
      stream: true,
    });
    const records = parseSseText(text);
    checkResponsesStream(records);
    const last = JSON.parse(records.at(-1)?.data ?? '{}');
    expect(last.type).toBe('response.incomplete');
    expect(last.response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  it('keeps created responses for GET, input_items, DELETE', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'keep me' });
    const fetched = await client.responses.retrieve(created.id);
    expect(fetched.id).toBe(created.id);
    const items = await client.responses.inputItems.list(created.id);
    expect(items.data[0]).toMatchObject({ type: 'message', role: 'user' });
    await client.responses.delete(created.id);
    await expect(client.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it('cancels background responses only', async () => {
    // A background run that cannot finish before the cancel arrives, however busy the machine is.
    const slow = await startFakeOpenAIUpstream({ backgroundDelayMs: 60_000 });
    const slowClient = new OpenAI({ apiKey: 'sk-test', baseURL: slow.url, maxRetries: 0 });
    try {
      const background = await slowClient.responses.create({ model: 'gpt-4o-mini', input: 'later', background: true });
      expect(background.status).toBe('queued');
      const cancelled = await slowClient.responses.cancel(background.id);
      expect(cancelled.status).toBe('cancelled');
      const foreground = await slowClient.responses.create({ model: 'gpt-4o-mini', input: 'now' });
      await expect(slowClient.responses.cancel(foreground.id)).rejects.toMatchObject({ status: 400 });
    } finally {
      await slow.close();
    }
  });

  it('streams a background response through response.queued', async () => {
    const { text } = await rawPost('/responses', { model: 'gpt-4o-mini', input: 'later', background: true, stream: true });
    const records = parseSseText(text);
    checkResponsesStream(records);
    expect(records.slice(0, 3).map((record) => record.event)).toEqual(['response.created', 'response.queued', 'response.in_progress']);
    expect(JSON.parse(records[0]?.data ?? '{}').response.status).toBe('queued');
  });

  it('replays a stored stream after a sequence number', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'replay me' });
    const response = await fetch(`${upstream.url}/responses/${created.id}?stream=true&starting_after=3`, {
      headers: { authorization: 'Bearer k' },
    });
    const records = parseSseText(await response.text());
    expect(JSON.parse(records[0]?.data ?? '{}').sequence_number).toBe(4);
    expect(records.at(-1)?.event).toBe('response.completed');
  });

  it('counts input tokens and compacts', async () => {
    const counted = await rawPost('/responses/input_tokens', { model: 'gpt-4o-mini', input: 'one two three' });
    expect(JSON.parse(counted.text)).toMatchObject({ object: 'response.input_tokens' });
    const compacted = await rawPost('/responses/compact', { model: 'gpt-4o-mini', input: 'one two three' });
    expect(JSON.parse(compacted.text)).toMatchObject({ object: 'response.compaction' });
  });
});

describe('chat completions', () => {
  it('answers JSON and streams valid chunks with a usage chunk', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi you' }] });
    expect(completion.choices[0]?.message.content).toBe('Echo: hi you');
    const { text } = await rawPost('/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi you' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const records = parseSseText(text);
    checkChatCompletionStream(records, { includeUsage: true });
    expect(records.at(-1)?.data).toBe('[DONE]');
  });

  it('streams tool calls with arguments across several chunks', async () => {
    upstream.enqueue({ kind: 'answer', answer: { toolCalls: [{ name: 'lookup', arguments: { query: 'a fairly long query' } }, { name: 'other' }] } });
    const { text } = await rawPost('/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true });
    const records = parseSseText(text);
    checkChatCompletionStream(records);
    const argumentChunks = records.filter((record) => record.data.includes('"arguments":"') && !record.data.includes('"name"'));
    expect(argumentChunks.length).toBeGreaterThan(2);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'call get_weather' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherTool.parameters } }],
      stream: true,
    });
    let finish: string | null | undefined;
    for await (const chunk of stream) finish = chunk.choices[0]?.finish_reason ?? finish;
    expect(finish).toBe('tool_calls');
  });
});

describe('auth and scripted faults', () => {
  it('rejects a missing key with OpenAI error body', async () => {
    const response = await fetch(`${upstream.url}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null, code: null } });
  });

  it('rejects a wrong key when one is configured, without echoing it', async () => {
    const strict = await startFakeOpenAIUpstream({ apiKey: 'sk-right' });
    try {
      const response = await fetch(`${strict.url}/models`, { headers: { authorization: 'Bearer sk-wrong-secret-1234' } });
      const body = (await response.json()) as { error: { code: string } };
      expect(response.status).toBe(401);
      expect(body.error.code).toBe('invalid_api_key');
      expect(JSON.stringify(body)).not.toContain('wrong-secret');
    } finally {
      await strict.close();
    }
  });

  it('scripts a 429 with retry-after and rate-limit headers', async () => {
    upstream.enqueue({ kind: 'error', status: 429 });
    const { status, text, headers } = await rawPost('/chat/completions', { model: 'gpt-4o-mini', messages: [] });
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('1');
    expect(headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(JSON.parse(text).error.code).toBe('rate_limit_exceeded');
  });

  it('answers bad JSON with a 400', async () => {
    const response = await fetch(`${upstream.url}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('We could not parse the JSON body');
  });

  it('cuts a stream mid-way', async () => {
    upstream.enqueue({ kind: 'cut-mid-stream', afterEvents: 3 });
    const response = await fetch(`${upstream.url}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: 'hello world', stream: true }),
    });
    await expect(response.text()).rejects.toThrow();
  });

  it('injects an error event or response.failed mid-stream', async () => {
    upstream.enqueue({ kind: 'stream-error-event', afterEvents: 4 });
    upstream.enqueue({ kind: 'stream-error-event', afterEvents: 4, as: 'response.failed' });
    for (const expected of ['error', 'response.failed']) {
      const { text } = await rawPost('/responses', { model: 'm', input: 'hello world', stream: true });
      const records = parseSseText(text);
      expect(records).toHaveLength(5);
      expect(records.at(-1)?.event).toBe(expected);
      expect(JSON.parse(records.at(-1)?.data ?? '{}').sequence_number).toBe(4);
    }
  });

  it('sees a client abort on a slow stream', async () => {
    upstream.enqueue({ kind: 'slow-stream', intervalMs: 30 });
    const controller = new AbortController();
    const response = await fetch(`${upstream.url}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: 'hello world', stream: true }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    const abort = await upstream.waitForClientAbort();
    expect(abort).toMatchObject({ path: '/v1/responses', streaming: true });
    expect(upstream.connections.length).toBeGreaterThan(0);
  });

  it('redirects without following and replies raw', async () => {
    upstream.enqueue({ kind: 'redirect', location: 'http://127.0.0.1:9/v1/responses' });
    const redirected = await fetch(`${upstream.url}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: '{}',
      redirect: 'manual',
    });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get('location')).toBe('http://127.0.0.1:9/v1/responses');
    upstream.enqueue({ kind: 'reply', json: { hello: 'world' } });
    expect(JSON.parse((await rawPost('/responses', {})).text)).toEqual({ hello: 'world' });
  });

  it('delays before answering', async () => {
    upstream.enqueue({ kind: 'delay', ms: 20, then: { kind: 'answer', answer: { text: 'late' } } });
    const response = await client.responses.create({ model: 'm', input: 'x' });
    expect(response.output_text).toBe('late');
  });

  it('resets the connection without answering', async () => {
    upstream.enqueue({ kind: 'reset' });
    await expect(rawPost('/responses', { model: 'm', input: 'x' })).rejects.toThrow();
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers OpenAI's context-window and content-policy errors, worded per endpoint", async () => {
    upstream.enqueue({ kind: 'context-window-exceeded' }, { times: 2 });
    upstream.enqueue({ kind: 'refusal' });
    const responses = await client.responses.create({ model: 'm', input: 'x' }).catch((error: unknown) => error);
    expect(responses).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'input' });
    const chat = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(chat).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages' });
    expect((chat as Error).message).toContain('maximum context length');
    const refused = await client.responses.create({ model: 'm', input: 'x' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, code: 'content_policy_violation' });
  });

  it('serves models', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('gpt-4o-mini');
    await expect(client.models.retrieve('nope')).rejects.toMatchObject({ status: 404 });
  });
});
