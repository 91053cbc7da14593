import type { CreateChatCompletionRequest, CreateChatCompletionResponse, CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { chatChunksToParts, UpstreamError, type AdapterContext, type StreamPart, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, startFakeChatProvider, type ChatProviderFlavour, type FakeChatProvider } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleAdapter, type OpenAICompatibleAdapter } from './openai-compatible-adapter.js';
import type { OpenAICompatibleFlavour } from './openai-compatible-providers.js';

const apiKey = 'sk-test-compatible-0123456789';
let fake: FakeChatProvider | undefined;
let adapter: OpenAICompatibleAdapter | undefined;

afterEach(async () => {
  await adapter?.close();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

const context = (upstreamModel: string): AdapterContext & { warnings: Warning[] } => ({
  signal: new AbortController().signal,
  requestId: 'req_1',
  upstreamModel,
  warnings: [],
});

async function start(flavour: OpenAICompatibleFlavour, chunkIntervalMs = 0) {
  const fakeFlavour: ChatProviderFlavour = flavour === 'openai_compatible' ? 'generic' : flavour;
  fake = await startFakeChatProvider({ flavour: fakeFlavour, apiKey, chunkIntervalMs });
  adapter = createOpenAICompatibleAdapter({ flavour, apiKey, baseURL: fake.url });
  const operation = adapter.operations.createChatCompletion;
  if (operation === undefined) throw new Error('createChatCompletion must be native');
  return { fake, adapter, createChatCompletion: operation };
}

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

const rich: CreateChatCompletionRequest = {
  model: 'client/model',
  messages: [{ role: 'user', content: 'Hello', name: 'ann' }],
  temperature: 0.5,
  max_completion_tokens: 32,
  seed: 7,
  stop: ['END'],
  presence_penalty: 0.1,
  logit_bias: { '42': 1 },
  logprobs: true,
  n: 2,
  user: 'u-1',
  metadata: { team: 'a' },
  reasoning_effort: 'low',
  response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'object' } } },
  provider: { order: ['x'] },
  tags: ['t'],
};

const parameterNames = (warnings: readonly Warning[]) =>
  warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.message)).sort();

describe('createOpenAICompatibleAdapter: the exact upstream body per flavour', () => {
  it.each<[OpenAICompatibleFlavour, string]>([
    ['groq', 'llama-3.3-70b-versatile'],
    ['mistral', 'mistral-large-latest'],
    ['xai', 'grok-3-mini'],
    ['deepseek', 'deepseek-reasoner'],
    ['together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
    ['fireworks', 'accounts/fireworks/models/llama-v3p1-8b-instruct'],
    ['openrouter', 'openai/gpt-4o-mini'],
    ['openai_compatible', 'llama3.2'],
  ])('%s', async (flavour, model) => {
    const { fake, createChatCompletion } = await start(flavour);
    const ctx = context(model);
    const completion = (await createChatCompletion({ body: rich }, ctx)) as CreateChatCompletionResponse;
    expect(completion.object).toBe('chat.completion');
    const [request] = fake.requests;
    expect(request?.headers['authorization']).toBe(`Bearer ${apiKey}`);
    expect({ body: request?.body, warnings: parameterNames(ctx.warnings) }).toMatchSnapshot();
  });
});

describe('createOpenAICompatibleAdapter: streaming', () => {
  it.each<OpenAICompatibleFlavour>(['groq', 'mistral', 'xai', 'deepseek', 'together', 'fireworks', 'openrouter', 'openai_compatible'])(
    '%s relays typed chunks that turn into a finished part stream',
    async (flavour) => {
      const { fake, createChatCompletion } = await start(flavour);
      const model = flavour === 'deepseek' ? 'deepseek-reasoner' : 'some-model';
      const ctx = context(model);
      const stream = (await createChatCompletion(
        { body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } } },
        ctx,
      )) as AsyncIterable<CreateChatCompletionStreamResponse>;
      const chunks = await drain(stream);
      // Providers that always send usage get no stream_options (Mistral rejects unknown fields), and nobody is warned.
      const usageAlways = ['mistral', 'together', 'fireworks'].includes(flavour);
      expect((fake.requests[0]?.body as Record<string, unknown>)['stream_options']).toEqual(usageAlways ? undefined : { include_usage: true });
      expect(ctx.warnings).toEqual([]);
      expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
      async function* replay() {
        yield* chunks;
      }
      const parts: StreamPart[] = await drain(chatChunksToParts(replay(), { provider: flavour }));
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
      if (flavour === 'deepseek') expect(parts.some((part) => part.type === 'reasoning-delta')).toBe(true);
      const usage = parts.at(-1)?.type === 'finish' ? (parts.at(-1) as Extract<StreamPart, { type: 'finish' }>).usage : undefined;
      expect(usage?.inputTokens).toEqual(expect.any(Number));
    },
  );

  it('keeps the OpenAI chunk rules for a generic server', async () => {
    const { createChatCompletion } = await start('openai_compatible');
    const stream = (await createChatCompletion(
      { body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } } },
      context('llama3.2'),
    )) as AsyncIterable<CreateChatCompletionStreamResponse>;
    checkChatCompletionStream([...(await drain(stream)), '[DONE]'], { includeUsage: true });
  });

  it('turns a cut stream into an error after the first chunks', async () => {
    // Frames spaced out, so the first ones reach us before the socket is cut.
    const { fake, createChatCompletion } = await start('groq', 20);
    fake.enqueue({ kind: 'cut-mid-stream', afterEvents: 2 });
    const stream = (await createChatCompletion({ body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true } }, context('m'))) as AsyncIterable<
      CreateChatCompletionStreamResponse
    >;
    async function* viaTransform() {
      yield* stream;
    }
    const parts = await drain(chatChunksToParts(viaTransform(), { provider: 'groq' }));
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 502 } });
  });

  it('rejects the call when the stream fails before its first chunk', async () => {
    const { fake, createChatCompletion } = await start('openrouter');
    fake.enqueue({ kind: 'stream-error-event', afterEvents: 0 });
    await expect(
      createChatCompletion({ body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }], stream: true } }, context('m')),
    ).rejects.toBeInstanceOf(UpstreamError);
  });
});

describe('createOpenAICompatibleAdapter: errors', () => {
  it.each<[OpenAICompatibleFlavour, number, boolean]>([
    ['groq', 429, true],
    ['mistral', 500, true],
    ['xai', 429, true],
    ['openrouter', 500, true],
    ['deepseek', 401, false],
  ])('%s maps an upstream %i', async (flavour, status, retryable) => {
    const { fake, createChatCompletion } = await start(flavour);
    fake.enqueue({ kind: 'error', status, headers: status === 429 ? { 'retry-after': '3' } : {} });
    const error = await createChatCompletion({ body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }] } }, context('m')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status, isRetryable: retryable, provider: flavour });
    if (status === 429) expect((error as UpstreamError).headers['retry-after']).toBe('3');
    expect(JSON.stringify((error as UpstreamError).toEnvelope())).not.toContain(apiKey);
  });

  it('never leaks the key when the upstream echoes it', async () => {
    fake = await startFakeChatProvider({ flavour: 'xai', apiKey: 'xai-the-right-key-000' });
    adapter = createOpenAICompatibleAdapter({ flavour: 'xai', apiKey: 'xai-a-wrong-key-123456', baseURL: fake.url });
    const error = (await adapter.operations.createChatCompletion?.({ body: { model: 'x', messages: [{ role: 'user', content: 'Hi' }] } }, context('grok-4')).catch(
      (caught: unknown) => caught,
    )) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(`${error.message} ${error.responseBody ?? ''}`).not.toContain('xai-a-wrong-key-123456');
  });

  it('requires a baseURL for openai_compatible and a key for hosted providers', () => {
    expect(() => createOpenAICompatibleAdapter({ flavour: 'openai_compatible' })).toThrow(/baseURL/);
    expect(() => createOpenAICompatibleAdapter({ flavour: 'groq' })).toThrow(/apiKey/);
  });
});

describe('createOpenAICompatibleAdapter: models and capabilities', () => {
  it('lists models with GET /models', async () => {
    const { adapter } = await start('mistral');
    await expect(adapter.listModels({ signal: new AbortController().signal })).resolves.toEqual(['mistral-large-latest', 'mistral-small-latest']);
  });

  it('narrows capabilities per model and lets the operator widen them', () => {
    const deepseek = createOpenAICompatibleAdapter({ flavour: 'deepseek', apiKey, baseURL: 'http://127.0.0.1:9' });
    expect(deepseek.chatCapabilitiesFor('deepseek-reasoner').temperature).toBe(false);
    expect(deepseek.chatCapabilitiesFor('deepseek-chat').temperature).toBe(true);
    const ollama = createOpenAICompatibleAdapter({ flavour: 'openai_compatible', baseURL: 'http://127.0.0.1:11434/v1', capabilities: { logprobs: true } });
    expect(ollama.chatCapabilitiesFor('llama3.2').logprobs).toBe(true);
    void deepseek.close();
    void ollama.close();
  });
});
