import type { ResponseStreamEvent } from '@switchyard/contract';
import { serveCreateResponse } from '@switchyard/core';
import { checkResponsesStream, loadAnthropicFixture } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKey, chat, context, drain, model, respond, setUp, tearDown, textOf, weatherTools } from './test-support/anthropic-test-harness.js';

afterEach(tearDown);

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
    const { fake, adapter } = await setUp();
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 4 });
    const result = await serveCreateResponse(
      adapter,
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
    const { fake } = await setUp({ chunkIntervalMs: 5 });
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
    const { fake, adapter } = await setUp({ chunkIntervalMs: 20 });
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
    fake.enqueue({ kind: 'reply', json: JSON.parse(loadAnthropicFixture('anthropic-message.json')) });
    const response = await respond({ input: 'Hi' }, false);
    expect(textOf(response)).toBe('Hi! My name is Claude.');
    expect(response.usage).toMatchObject({ input_tokens: 4143, input_tokens_details: { cached_tokens: 2048 }, output_tokens: 503, total_tokens: 4646 });
  });

  it.each(['anthropic-text.sse', 'anthropic-tool-use.sse', 'anthropic-thinking.sse'] as const)('replays the documented %s on both endpoints through the stream checkers', async (name) => {
    const { fake } = await setUp();
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
