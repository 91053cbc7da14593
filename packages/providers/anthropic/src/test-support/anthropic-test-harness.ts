import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  Response,
  ResponseStreamEvent,
} from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse, type ServeContext, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, checkResponsesStream, startFakeAnthropicUpstream, type FakeAnthropicUpstream } from '@switchyard/testing';
import { createAnthropicAdapter, type AnthropicAdapter } from '../anthropic-provider.js';

/** Shared by the adapter's scenario tests: a fake upstream, the adapter on it, and both endpoints served through core. */
export const apiKey = 'sk-ant-api03-secret-test-key-0123456789';
export const model = 'claude-sonnet-4-5-20250929';

let current: { fake: FakeAnthropicUpstream; adapter: AnthropicAdapter } | undefined;

export async function setUp(options: { promptCaching?: 'auto' | 'off'; chunkIntervalMs?: number } = {}): Promise<{ fake: FakeAnthropicUpstream; adapter: AnthropicAdapter }> {
  const fake = await startFakeAnthropicUpstream({ apiKey, ...(options.chunkIntervalMs === undefined ? {} : { chunkIntervalMs: options.chunkIntervalMs }) });
  const adapter = createAnthropicAdapter({ apiKey, baseURL: fake.url, promptCaching: options.promptCaching ?? 'off' });
  current = { fake, adapter };
  return current;
}

/** For `afterEach`. */
export async function tearDown(): Promise<void> {
  await current?.adapter.close();
  await current?.fake.close();
  current = undefined;
}

function currentAdapter(): AnthropicAdapter {
  if (current === undefined) throw new Error('call setUp() first');
  return current.adapter;
}

export const context = (fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } => ({
  signal: new AbortController().signal,
  requestId: 'req_test',
  upstreamModel: model,
  warnings: [],
  ...fields,
});

export async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** Serves /v1/responses, streaming or not; streams are checked and reduced to their final Response. */
export async function respond(body: Omit<CreateResponse, 'model'>, stream: boolean, serveContext = context()): Promise<Response> {
  const adapter = currentAdapter();
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
export async function chat(body: Omit<CreateChatCompletionRequest, 'model'>, stream: boolean, serveContext = context()) {
  const adapter = currentAdapter();
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

export const textOf = (response: Response): string =>
  response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : [])).join('');

export const weatherTools = [
  { type: 'function' as const, name: 'weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false },
  { type: 'function' as const, name: 'time', description: 'Time in a city', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false },
];
