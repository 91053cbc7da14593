import { UpstreamError } from '@switchyard/core';
import { checkChatCompletionStream, startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAIAdapter } from '../create-openai-adapter-from-config.js';
import { createOpenAIAdapter } from '../openai-provider.js';
import { asStream, collect, createTestContext, rejectionOf } from '../test-support/create-test-context.js';

const apiKey = 'sk-test-chat-0123456789abcdef';

interface Chunk {
  object: string;
  choices: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: unknown;
}

let fake: FakeOpenAIUpstream;
let adapter: OpenAIAdapter;

beforeEach(async () => {
  fake = await startFakeOpenAIUpstream({ apiKey });
  adapter = createOpenAIAdapter({ apiKey, baseURL: fake.url });
});

afterEach(async () => {
  await adapter.close();
  await fake.close();
});

const createChatCompletion = () => {
  const operation = adapter.operations.createChatCompletion;
  if (operation === undefined) throw new Error('createChatCompletion must be native');
  return operation;
};
type ChatInput = Parameters<ReturnType<typeof createChatCompletion>>[0];
const chatInput = (body: Record<string, unknown>): ChatInput => ({ body } as unknown as ChatInput);
const messages = [{ role: 'user', content: 'Say hello' }];

describe('createChatCompletion', () => {
  it('sends the client body with the model rewritten and gateway-only fields removed (JSON)', async () => {
    const body = {
      model: 'openai/gpt-4o-mini',
      messages,
      temperature: 0,
      n: 1,
      logit_bias: { '50256': -100 },
      response_format: { type: 'text' },
      user: 'u-1',
      provider: { order: ['openai'] },
      tags: ['a'],
      trace: { id: 't' },
    };
    const completion = (await createChatCompletion()(chatInput(body), createTestContext({ upstreamModel: 'gpt-4o-mini' }))) as unknown as Record<string, unknown>;
    expect(completion['object']).toBe('chat.completion');
    const [request] = fake.requests;
    expect(`${request?.method} ${request?.path}`).toBe('POST /v1/chat/completions');
    expect(request?.headers['authorization']).toBe(`Bearer ${apiKey}`);
    const { provider: _provider, tags: _tags, trace: _trace, ...forwarded } = body;
    expect(request?.body).toEqual({ ...forwarded, model: 'gpt-4o-mini' });
  });

  it('relays SSE chunks one by one and consumes [DONE]', async () => {
    const body = { model: 'x', messages, stream: true, stream_options: { include_usage: true } };
    const chunks = await collect(asStream<Chunk>(await createChatCompletion()(chatInput(body), createTestContext())));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks).not.toContain('[DONE]');
    checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
    expect(fake.requests[0]?.body).toEqual({ ...body, model: 'gpt-4o-mini' });
  });

  it('throws an UpstreamError when the first chunk is an error', async () => {
    fake.enqueue({ kind: 'reply', sse: [{ data: { error: { message: 'Rate limited', type: 'requests', code: 'rate_limit_exceeded', param: null } } }, { data: '[DONE]' }] });
    const error = await rejectionOf(createChatCompletion()(chatInput({ model: 'x', messages, stream: true }), createTestContext()));
    expect(error).toBeInstanceOf(UpstreamError);
    expect([(error as UpstreamError).status, (error as UpstreamError).code]).toEqual([429, 'rate_limit_exceeded']);
  });

  it('yields the chunks before a mid-stream error chunk, then throws', async () => {
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 2 });
    const stream = asStream<Chunk>(await createChatCompletion()(chatInput({ model: 'x', messages, stream: true }), createTestContext()));
    const seen: Chunk[] = [];
    const error = await rejectionOf((async () => {
      for await (const chunk of stream) seen.push(chunk);
    })());
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(UpstreamError);
    expect([(error as UpstreamError).status, (error as UpstreamError).isRetryable]).toEqual([500, true]);
    expect((error as Error).message).toContain('The server had an error');
  });

  it('throws when the stream ends without [DONE]', async () => {
    const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'x', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] };
    fake.enqueue({ kind: 'reply', sse: [{ data: chunk }] });
    const stream = asStream<Chunk>(await createChatCompletion()(chatInput({ model: 'x', messages, stream: true }), createTestContext()));
    const seen: Chunk[] = [];
    const error = await rejectionOf((async () => {
      for await (const value of stream) seen.push(value);
    })());
    expect(seen).toEqual([chunk]);
    expect((error as UpstreamError).code).toBe('upstream_stream_truncated');
  });
});
