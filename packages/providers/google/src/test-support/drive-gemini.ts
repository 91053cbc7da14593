import type { CreateChatCompletionResponse, CreateChatCompletionStreamResponse, CreateResponse, Response, ResponseStreamEvent } from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse, type ProviderAdapter, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, checkResponsesStream } from '@switchyard/testing';

export interface DriveContext {
  readonly warnings: Warning[];
  readonly strict?: boolean;
}

export const newContext = (model: string, strict = false): DriveContext & { signal: AbortSignal; requestId: string; upstreamModel: string } => ({
  signal: new AbortController().signal,
  requestId: 'req_test',
  upstreamModel: model,
  warnings: [],
  strict,
});

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** POST /v1/responses through core's bridge; streams are checked and reduced to their final Response. */
export async function driveResponses(adapter: ProviderAdapter, body: CreateResponse, options: { stream: boolean; strict?: boolean }) {
  const model = String(body.model).split('/').slice(1).join('/');
  const context = newContext(model, options.strict);
  const responseOptions = { responseId: 'resp_test', createdAt: 1_700_000_000, model: String(body.model), generateId: createSequentialIdGenerator() };
  const result = await serveCreateResponse(adapter, { body: { ...body, stream: options.stream } }, context, responseOptions);
  if (!options.stream) return { response: result as Response, events: [] as ResponseStreamEvent[], warnings: context.warnings };
  const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
  checkResponsesStream(events);
  const last = events.at(-1);
  const response = last !== undefined && 'response' in last ? (last.response as Response) : undefined;
  return { response: response as Response, events, warnings: context.warnings };
}

/** POST /v1/chat/completions through core's bridge. */
export async function driveChat(adapter: ProviderAdapter, body: Parameters<typeof serveCreateChatCompletion>[1]['body'], options: { stream: boolean }) {
  const model = String(body.model).split('/').slice(1).join('/');
  const context = newContext(model);
  const chatOptions = { id: 'chatcmpl-test', created: 1_700_000_000, model: String(body.model) };
  const result = await serveCreateChatCompletion(
    adapter,
    { body: { ...body, stream: options.stream, ...(options.stream ? { stream_options: { include_usage: true } } : {}) } },
    context,
    chatOptions,
  );
  if (!options.stream) return { completion: result as CreateChatCompletionResponse, chunks: [] as CreateChatCompletionStreamResponse[], warnings: context.warnings };
  const chunks = await drain(result as AsyncIterable<CreateChatCompletionStreamResponse>);
  checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
  return { completion: undefined, chunks, warnings: context.warnings };
}
