import type {
  CreateChatCompletionRequest,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  Response,
  ResponseStreamEvent,
} from '@switchyard/contract';
import { checkChatCompletionStream, checkResponsesStream, loadChunkFixture } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../errors/upstream-error.js';
import { createSequentialIdGenerator } from '../ids/create-sequential-id-generator.js';
import type { Warning } from '../warnings/warning.js';
import type { BridgeableAdapter, ServeContext } from './bridgeable-adapter.js';
import { defineChatCapabilities } from './chat-capabilities.js';
import { serveCreateChatCompletion } from './serve-create-chat-completion.js';
import { serveCreateResponse } from './serve-create-response.js';

const context = (fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } => ({
  signal: new AbortController().signal,
  requestId: 'req_1',
  upstreamModel: 'upstream-model',
  warnings: [],
  ...fields,
});

async function* replay<T>(items: readonly T[], failAt?: { index: number; error: Error }): AsyncGenerator<T> {
  for (const [index, item] of items.entries()) {
    if (failAt?.index === index) throw failAt.error;
    yield item;
  }
  if (failAt !== undefined && failAt.index >= items.length) throw failAt.error;
}

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** A chat-only adapter that replays a recorded chunk stream and records the request it got. */
function chatOnlyAdapter(chunks: readonly CreateChatCompletionStreamResponse[], failAt?: { index: number; error: Error }) {
  const requests: CreateChatCompletionRequest[] = [];
  const adapter: BridgeableAdapter = {
    provider: 'acme',
    chatCapabilitiesFor: () => defineChatCapabilities({ maxTokensField: 'max_tokens', openAIExtensions: false }),
    operations: {
      createChatCompletion: async (input) => {
        requests.push(input.body);
        return replay(chunks, failAt);
      },
    },
  };
  return { adapter, requests };
}

const responseOptions = { responseId: 'resp_gw', createdAt: 1_700_000_100, model: 'acme/upstream-model', generateId: createSequentialIdGenerator() };
const recordedToolChunks = loadChunkFixture('openai-chat-tool-call') as unknown as CreateChatCompletionStreamResponse[];
/** The recording predates `include_usage`; the bridge always asks for it, so add the usage chunk. */
const toolChunks: CreateChatCompletionStreamResponse[] = [
  ...recordedToolChunks,
  { ...recordedToolChunks[0]!, choices: [], usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 } },
];
const textChunks = loadChunkFixture('groq-text') as unknown as CreateChatCompletionStreamResponse[];

describe('serveCreateResponse through a chat-only adapter', () => {
  const body: CreateResponse = {
    model: 'acme/upstream-model',
    input: 'Weather in Paris?',
    tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' }, strict: false }],
    max_output_tokens: 64,
    stream: true,
  };

  it('streams a valid Responses event sequence and sends the bridged chat request', async () => {
    const { adapter, requests } = chatOnlyAdapter(toolChunks);
    const result = await serveCreateResponse(adapter, { body }, context(), responseOptions);
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(events.at(-1)?.type).toBe('response.completed');
    expect(events.filter((event) => event.type === 'response.output_item.done').map((event) => event.item.type)).toEqual(['function_call', 'function_call']);
    expect(requests).toEqual([
      {
        model: 'upstream-model',
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' }, strict: false } }],
        max_tokens: 64,
        stream: true,
        stream_options: { include_usage: true },
      },
    ]);
  });

  it('still asks a provider that always reports usage for it, so the adapter relays that usage', async () => {
    const { adapter, requests } = chatOnlyAdapter(toolChunks);
    const usageAlways = defineChatCapabilities({ maxTokensField: 'max_tokens', openAIExtensions: false, streamUsage: false, streamUsageAlways: true });
    const result = await serveCreateResponse({ ...adapter, chatCapabilitiesFor: () => usageAlways }, { body }, context(), responseOptions);
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(requests[0]?.stream_options).toEqual({ include_usage: true });
  });

  it('collects a Response when not streaming', async () => {
    const { adapter } = chatOnlyAdapter(textChunks);
    const result = (await serveCreateResponse(adapter, { body: { ...body, stream: false, tools: [] } }, context(), responseOptions)) as Response;
    expect(result).toMatchObject({ id: 'resp_gw', object: 'response', status: 'completed', model: 'acme/upstream-model' });
    expect(result.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
  });

  it('rejects before any event when the upstream fails first (so the gateway can fall back)', async () => {
    const failure = new UpstreamError({ provider: 'acme', upstreamStatus: 503, message: 'overloaded' });
    const { adapter } = chatOnlyAdapter(textChunks, { index: 0, error: failure });
    await expect(serveCreateResponse(adapter, { body }, context(), responseOptions)).rejects.toBe(failure);
  });

  it('ends with response.failed when the upstream fails after output began', async () => {
    const failure = new UpstreamError({ provider: 'acme', upstreamStatus: 0, message: 'socket closed' });
    const { adapter } = chatOnlyAdapter(textChunks, { index: 3, error: failure });
    const events = await drain((await serveCreateResponse(adapter, { body }, context(), responseOptions)) as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(events.at(-1)?.type).toBe('response.failed');
  });

  it('puts warnings in the context, or answers 400 in strict mode without calling upstream', async () => {
    const withHosted: CreateResponse = { ...body, tools: [{ type: 'web_search' }], metadata: { a: 'b' }, top_logprobs: 2 };
    const lenient = chatOnlyAdapter(textChunks);
    const lenientContext = context();
    await drain((await serveCreateResponse(lenient.adapter, { body: withHosted }, lenientContext, responseOptions)) as AsyncIterable<ResponseStreamEvent>);
    expect(lenientContext.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.type))).toEqual([
      'tools[0]',
      'top_logprobs',
    ]);

    const strict = chatOnlyAdapter(textChunks);
    await expect(serveCreateResponse(strict.adapter, { body: withHosted }, context({ strict: true }), responseOptions)).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'unsupported_parameter',
      param: 'tools[0]',
    });
    expect(strict.requests).toEqual([]);
  });

  it('calls createResponse directly when the adapter has it', async () => {
    const native: BridgeableAdapter = { provider: 'openai', operations: { createResponse: async () => ({ id: 'resp_native' }) as Response } };
    await expect(serveCreateResponse(native, { body }, context(), responseOptions)).resolves.toEqual({ id: 'resp_native' });
  });

  it('answers 400 when the adapter has neither operation', async () => {
    await expect(serveCreateResponse({ provider: 'x', operations: {} }, { body }, context(), responseOptions)).rejects.toMatchObject({ status: 400 });
  });
});

describe('serveCreateChatCompletion through a responses-only adapter', () => {
  const events = loadChunkFixture('openai-responses-text') as unknown as ResponseStreamEvent[];
  const responsesOnly = () => {
    const requests: CreateResponse[] = [];
    const adapter: BridgeableAdapter = {
      provider: 'openai',
      operations: {
        createResponse: async (input) => {
          requests.push(input.body);
          return replay(events);
        },
      },
    };
    return { adapter, requests };
  };
  const chatOptions = { id: 'chatcmpl-gw', created: 1_700_000_200, model: 'openai/o-pro' };

  it('streams valid chat chunks with a usage chunk and sends the bridged Responses request', async () => {
    const { adapter, requests } = responsesOnly();
    const body: CreateChatCompletionRequest = {
      model: 'openai/o-pro',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      seed: 7,
    };
    const ctx = context();
    const chunks = await drain((await serveCreateChatCompletion(adapter, { body }, ctx, chatOptions)) as AsyncIterable<CreateChatCompletionStreamResponse>);
    checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: expect.any(Number) });
    expect(requests).toEqual([
      { model: 'upstream-model', instructions: 'Be brief.', input: [{ role: 'user', content: 'Hi' }], store: false, stream: true },
    ]);
    expect(ctx.warnings).toEqual([expect.objectContaining({ parameter: 'seed' })]);
  });

  it('collects a chat.completion when not streaming', async () => {
    const { adapter } = responsesOnly();
    const result = await serveCreateChatCompletion(adapter, { body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }] } }, context(), chatOptions);
    expect(result).toMatchObject({ id: 'chatcmpl-gw', object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop' }] });
  });

  it('checks strict mode before calling a native chat adapter', async () => {
    const { adapter, requests } = chatOnlyAdapter(textChunks);
    const body: CreateChatCompletionRequest = { model: 'm', messages: [{ role: 'user', content: 'Hi' }], prediction: { type: 'content', content: 'x' } };
    await expect(serveCreateChatCompletion(adapter, { body }, context({ strict: true }), chatOptions)).rejects.toMatchObject({
      status: 400,
      param: 'prediction',
    });
    expect(requests).toEqual([]);
  });
});
