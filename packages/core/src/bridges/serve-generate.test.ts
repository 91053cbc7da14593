import type { CreateChatCompletionStreamResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { checkChatCompletionStream, checkResponsesStream } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../adapter/generate-request.js';
import { UpstreamError } from '../errors/upstream-error.js';
import { createSequentialIdGenerator } from '../ids/create-sequential-id-generator.js';
import type { StreamPart } from '../parts/stream-part.js';
import type { Warning } from '../warnings/warning.js';
import type { BridgeableAdapter, ServeContext } from './bridgeable-adapter.js';
import { serveCreateChatCompletion } from './serve-create-chat-completion.js';
import { serveCreateResponse } from './serve-create-response.js';

const context = (fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } => ({
  signal: new AbortController().signal,
  requestId: 'req_1',
  upstreamModel: 'claude-test',
  warnings: [],
  ...fields,
});

const answer: StreamPart[] = [
  { type: 'response-metadata', id: 'msg_upstream', modelId: 'claude-test' },
  { type: 'reasoning-start', id: 'r1' },
  { type: 'reasoning-delta', id: 'r1', delta: 'Thinking.' },
  { type: 'reasoning-end', id: 'r1', encryptedContent: 'sig-abc' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Hello' },
  { type: 'text-delta', id: 't1', delta: ' there' },
  { type: 'text-end', id: 't1' },
  { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: 12, outputTokens: 7 } },
];

async function* replay(parts: readonly StreamPart[], failFirst?: Error): AsyncGenerator<StreamPart> {
  if (failFirst !== undefined) throw failFirst;
  yield* parts;
}

/** A translating adapter (the shape Anthropic, Gemini, Bedrock and Cohere implement). */
function generatingAdapter(options: { failFirst?: Error; warnAbout?: string } = {}) {
  const requests: GenerateRequest[] = [];
  const adapter: BridgeableAdapter = {
    provider: 'anthropic',
    operations: {},
    generate: async (request, adapterContext) => {
      requests.push(request);
      if (options.warnAbout !== undefined) {
        adapterContext.warnings.push({ type: 'unsupported-parameter', parameter: options.warnAbout, message: `${options.warnAbout} is not supported.` });
      }
      if (options.failFirst !== undefined) throw options.failFirst;
      return replay(answer);
    },
  };
  return { adapter, requests };
}

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

const responseOptions = { responseId: 'resp_gw', createdAt: 1_700_000_000, model: 'anthropic/claude-test', generateId: createSequentialIdGenerator() };
const chatOptions = { id: 'chatcmpl-gw', created: 1_700_000_000, model: 'anthropic/claude-test' };

describe('serving a translating adapter through generate', () => {
  it('streams /v1/responses from its parts, with the upstream model and the canonical body', async () => {
    const { adapter, requests } = generatingAdapter();
    const result = await serveCreateResponse(adapter, { body: { model: 'anthropic/claude-test', input: 'hi', stream: true } }, context(), responseOptions);
    const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
    checkResponsesStream(events);
    expect(requests[0]).toEqual({ body: { model: 'claude-test', input: 'hi', stream: true }, stream: true });
    const completed = events.at(-1);
    expect(completed?.type).toBe('response.completed');
    const output = completed?.type === 'response.completed' ? completed.response.output : [];
    expect(output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(output[0]?.type === 'reasoning' ? output[0].encrypted_content : undefined).toBe('sig-abc');
  });

  it('answers /v1/responses without streaming as one Response', async () => {
    const { adapter, requests } = generatingAdapter();
    const result = (await serveCreateResponse(adapter, { body: { model: 'anthropic/claude-test', input: 'hi' } }, context(), responseOptions)) as Response;
    expect(requests[0]?.stream).toBe(false);
    expect(result.status).toBe('completed');
    expect(result.usage).toMatchObject({ input_tokens: 12, output_tokens: 7, total_tokens: 19 });
  });

  it('carries chat-only sampling parameters beside the canonical request instead of warning about them', async () => {
    const { adapter, requests } = generatingAdapter();
    const adapterContext = context();
    const result = await serveCreateChatCompletion(
      adapter,
      {
        body: {
          model: 'anthropic/claude-test',
          messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }],
          stop: ['END'],
          seed: 7,
          stream: true,
          stream_options: { include_usage: true },
        },
      },
      adapterContext,
      chatOptions,
    );
    const chunks = await drain(result as AsyncIterable<CreateChatCompletionStreamResponse>);
    checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
    expect(requests[0]?.chatParameters).toEqual({ stop: ['END'], seed: 7 });
    expect(requests[0]?.body.instructions).toBe('Be brief.');
    expect(adapterContext.warnings).toEqual([]);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello there');
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
  });

  it('rejects before any output when the upstream fails first, so the gateway can answer with its status', async () => {
    const failure = new UpstreamError({ provider: 'anthropic', upstreamStatus: 529, message: 'Overloaded' });
    const { adapter } = generatingAdapter({ failFirst: failure });
    await expect(
      serveCreateResponse(adapter, { body: { model: 'anthropic/claude-test', input: 'hi', stream: true } }, context(), responseOptions),
    ).rejects.toMatchObject({ status: 503, isRetryable: true });
  });

  it('keeps the warnings the adapter pushes', async () => {
    const { adapter } = generatingAdapter({ warnAbout: 'logit_bias' });
    const adapterContext = context();
    await serveCreateChatCompletion(adapter, { body: { model: 'anthropic/claude-test', messages: [{ role: 'user', content: 'hi' }], logit_bias: { '1': 2 } } }, adapterContext, chatOptions);
    expect(adapterContext.warnings.map((warning) => warning.type === 'unsupported-parameter' && warning.parameter)).toEqual(['logit_bias']);
  });
});
