import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  Response,
  ResponseStreamEvent,
} from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse, type ProviderAdapter, type ServeContext, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, checkResponsesStream } from '@switchyard/testing';

export const testModel = 'anthropic.claude-3-7-sonnet-20250219-v1:0';

export function serveContext(fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } {
  return { signal: new AbortController().signal, requestId: 'req_test', upstreamModel: testModel, warnings: [], ...fields };
}

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** `/v1/responses` through core's serve function; streams are checked with the stream checker. */
export async function serveResponses(
  adapter: ProviderAdapter,
  body: Omit<CreateResponse, 'model'>,
  context: ServeContext = serveContext(),
): Promise<{ response: Response; events: ResponseStreamEvent[] }> {
  const options = { responseId: 'resp_test', createdAt: 1_700_000_000, model: `bedrock/${testModel}`, generateId: createSequentialIdGenerator() };
  const result = await serveCreateResponse(adapter, { body: { ...body, model: `bedrock/${testModel}` } }, context, options);
  if (body.stream !== true) return { response: result as Response, events: [] };
  const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
  checkResponsesStream(events);
  const last = events.at(-1);
  if (last === undefined || !('response' in last)) throw new Error(`stream ended with ${last?.type}`);
  return { response: last.response as Response, events };
}

/** `/v1/chat/completions` through core's serve function; streams are checked and folded into text/tool calls. */
export async function serveChat(
  adapter: ProviderAdapter,
  body: Omit<CreateChatCompletionRequest, 'model'>,
  context: ServeContext = serveContext(),
): Promise<{ completion?: CreateChatCompletionResponse; chunks: CreateChatCompletionStreamResponse[]; text: string; finishReason: string | null | undefined }> {
  const options = { id: 'chatcmpl-test', created: 1_700_000_000, model: `bedrock/${testModel}` };
  const result = await serveCreateChatCompletion(adapter, { body: { ...body, model: `bedrock/${testModel}` } }, context, options);
  if (body.stream !== true) {
    const completion = result as CreateChatCompletionResponse;
    const choice = completion.choices[0];
    return { completion, chunks: [], text: choice?.message.content ?? '', finishReason: choice?.finish_reason };
  }
  const chunks = await drain(result as AsyncIterable<CreateChatCompletionStreamResponse>);
  checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: body.stream_options?.include_usage === true });
  const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
  const finishReason = chunks.map((chunk) => chunk.choices[0]?.finish_reason).find((reason) => reason !== null && reason !== undefined);
  return { chunks, text, finishReason };
}
