import { checkChatCompletionStream, readSseEvents, type SseRecord } from '@switchyard/testing';
import { APIError } from 'openai';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { expect } from 'vitest';
import type { CompatibleMatrix, MatrixProvider } from './compatible-matrix-fixture.js';
import { anonymise, describeClientError, warningParameters, type JsonRecord } from './normalise-upstream-request.js';

export type ChatParams = Omit<ChatCompletionCreateParamsNonStreaming, 'model' | 'stream' | 'stream_options'>;

export interface ChatCell {
  /** What the client saw: the message, finish reason and usage, or the thrown error. */
  readonly output: JsonRecord;
  readonly warnings: readonly string[] | undefined;
  /** The raw SSE records of a streaming cell. */
  readonly records: readonly SseRecord[];
}

interface ToolCallView {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}

function describeMessage(content: string | null, toolCalls: readonly ToolCallView[], finishReason: string | null, usage: unknown): JsonRecord {
  return {
    content,
    tool_calls: toolCalls.map((call) => {
      expect(call.id).toMatch(/^call_/);
      return {
        id: call.id.startsWith('call_fake') ? '<generated>' : call.id,
        type: call.type,
        function: { name: call.function.name, arguments: JSON.parse(call.function.arguments) as unknown },
      };
    }),
    finish_reason: finishReason,
    usage,
  };
}

function describeCompletion(completion: ChatCompletion): JsonRecord {
  expect(completion.object).toBe('chat.completion');
  expect(completion.choices).toHaveLength(1);
  const [choice] = completion.choices;
  const calls = (choice!.message.tool_calls ?? []).filter((call) => call.type === 'function');
  return describeMessage(choice!.message.content, calls, choice!.finish_reason, completion.usage);
}

/** Accumulates chunks the way a client does: text concatenated, tool calls by `index`. */
function accumulateChunks(chunks: readonly ChatCompletionChunk[]): JsonRecord {
  let content: string | null = null;
  let finishReason: string | null = null;
  let usage: unknown;
  const calls: ToolCallView[] = [];
  for (const chunk of chunks) {
    if (chunk.usage !== undefined && chunk.usage !== null) usage = chunk.usage;
    for (const choice of chunk.choices) {
      if (typeof choice.delta.content === 'string') content = (content ?? '') + choice.delta.content;
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
        if (delta.id !== undefined) call.id = delta.id;
        if (delta.function?.name !== undefined) call.function.name += delta.function.name;
        if (delta.function?.arguments !== undefined) call.function.arguments += delta.function.arguments;
      }
      if (choice.finish_reason !== null) finishReason = choice.finish_reason;
    }
  }
  return describeMessage(content === '' && calls.length > 0 ? null : content, calls, finishReason, usage);
}

/**
 * One Chat Completions cell through the gateway with the official client: `chat.completions.create`
 * without `stream`, or with `stream: true` and `include_usage`, its raw SSE records run through
 * `checkChatCompletionStream` and accumulated. Errors thrown by the client become the output.
 */
export async function runChatCell(matrix: CompatibleMatrix, provider: MatrixProvider, params: ChatParams, streaming: boolean): Promise<ChatCell> {
  const model = `${provider.name}/${provider.model}`;
  try {
    if (!streaming) {
      const { data, response } = await matrix.client.chat.completions.create({ ...params, model }).withResponse();
      return { output: anonymise(provider, describeCompletion(data)), warnings: warningParameters(response.headers.get('x-switchyard-warnings')), records: [] };
    }
    const response = await matrix.client.chat.completions.create({ ...params, model, stream: true, stream_options: { include_usage: true } }).asResponse();
    const records: SseRecord[] = [];
    for await (const record of readSseEvents(response.body!)) records.push(record);
    const warnings = warningParameters(response.headers.get('x-switchyard-warnings'));
    if (records.some((record) => record.data !== '[DONE]' && 'error' in (JSON.parse(record.data) as JsonRecord))) {
      return { output: { stream: 'ended with an error chunk' }, warnings, records };
    }
    checkChatCompletionStream(records, { includeUsage: true });
    const chunks = records.filter((record) => record.data !== '[DONE]').map((record) => JSON.parse(record.data) as ChatCompletionChunk);
    return { output: anonymise(provider, accumulateChunks(chunks)), warnings, records };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { output: describeClientError(provider, error), warnings: undefined, records: [] };
  }
}
