import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  Response,
  ResponseStreamEvent,
} from '@switchyard/contract';
import { createSequentialIdGenerator, serveCreateChatCompletion, serveCreateResponse, type ServeContext, type Warning } from '@switchyard/core';
import { checkChatCompletionStream, checkResponsesStream } from '@switchyard/testing';
import type { CohereAdapter } from '../cohere-provider.js';

export type Endpoint = 'responses-stream' | 'responses-json' | 'chat-stream' | 'chat-json';
export const endpoints: readonly Endpoint[] = ['responses-stream', 'responses-json', 'chat-stream', 'chat-json'];

/** What a client saw, in one shape for both endpoints. */
export interface Outcome {
  text: string;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  /** `stop`, `length`, `tool_calls` (chat names; Responses mapped onto them). */
  finish: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  /** Responses only: the output items, for reasoning and annotation checks. */
  response: Response | undefined;
  chat: CreateChatCompletionResponse | undefined;
}

export function serveContext(upstreamModel: string, fields: Partial<ServeContext> = {}): ServeContext & { warnings: Warning[] } {
  return { signal: new AbortController().signal, requestId: 'req_test', upstreamModel, warnings: [], ...fields };
}

async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** Serves one request through core's bridges (as the gateway does), checking every stream. */
export async function runThrough(
  adapter: CohereAdapter,
  endpoint: Endpoint,
  bodies: { responses: Omit<CreateResponse, 'model'>; chat: Omit<CreateChatCompletionRequest, 'model'> },
  context: ServeContext,
): Promise<Outcome> {
  if (endpoint === 'responses-stream' || endpoint === 'responses-json') {
    const stream = endpoint === 'responses-stream';
    const result = await serveCreateResponse(
      adapter,
      { body: { ...bodies.responses, model: `cohere/${context.upstreamModel}`, ...(stream ? { stream: true } : {}) } },
      context,
      { responseId: 'resp_test', createdAt: 1_700_000_000, model: `cohere/${context.upstreamModel}`, generateId: createSequentialIdGenerator() },
    );
    let response: Response;
    if (stream) {
      const events = await drain(result as AsyncIterable<ResponseStreamEvent>);
      checkResponsesStream(events);
      const last = events.at(-1);
      if (last === undefined || !('response' in last)) throw new Error(`stream ended with ${last?.type}`);
      response = last.response;
    } else response = result as Response;
    return outcomeOfResponse(response);
  }
  const stream = endpoint === 'chat-stream';
  const result = await serveCreateChatCompletion(
    adapter,
    { body: { ...bodies.chat, model: `cohere/${context.upstreamModel}`, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) } },
    context,
    { id: 'chatcmpl-test', created: 1_700_000_000, model: `cohere/${context.upstreamModel}` },
  );
  if (!stream) return outcomeOfChat(result as CreateChatCompletionResponse);
  const chunks = await drain(result as AsyncIterable<CreateChatCompletionStreamResponse>);
  checkChatCompletionStream([...chunks, '[DONE]'], { includeUsage: true });
  return outcomeOfChatChunks(chunks);
}

function outcomeOfResponse(response: Response): Outcome {
  let text = '';
  const toolCalls: Outcome['toolCalls'] = [];
  for (const item of response.output) {
    if (item.type === 'message') for (const part of item.content) if (part.type === 'output_text') text += part.text;
    if (item.type === 'function_call') toolCalls.push({ id: item.call_id, name: item.name, arguments: item.arguments });
  }
  const finish =
    response.status === 'incomplete' ? 'length' : response.status === 'failed' ? 'error' : toolCalls.length > 0 ? 'tool_calls' : 'stop';
  return { text, toolCalls, finish, inputTokens: response.usage?.input_tokens, outputTokens: response.usage?.output_tokens, response, chat: undefined };
}

function outcomeOfChat(completion: CreateChatCompletionResponse): Outcome {
  const choice = completion.choices[0];
  const toolCalls = (choice?.message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
  );
  return {
    text: choice?.message.content ?? '',
    toolCalls,
    finish: choice?.finish_reason ?? 'missing',
    inputTokens: completion.usage?.prompt_tokens,
    outputTokens: completion.usage?.completion_tokens,
    response: undefined,
    chat: completion,
  };
}

function outcomeOfChatChunks(chunks: readonly CreateChatCompletionStreamResponse[]): Outcome {
  let text = '';
  let finish = 'missing';
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for (const chunk of chunks) {
    const choice = chunk.choices[0];
    if (choice === undefined) continue;
    text += choice.delta.content ?? '';
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) finish = choice.finish_reason;
    for (const call of choice.delta.tool_calls ?? []) {
      const entry = calls.get(call.index) ?? { id: '', name: '', arguments: '' };
      entry.id ||= call.id ?? '';
      entry.name ||= call.function?.name ?? '';
      entry.arguments += call.function?.arguments ?? '';
      calls.set(call.index, entry);
    }
  }
  const usage = chunks.at(-1)?.usage;
  return { text, toolCalls: [...calls.values()], finish, inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens, response: undefined, chat: undefined };
}
