import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import type { StreamPart } from '../../parts/stream-part.js';

type Delta = CreateChatCompletionStreamResponse['choices'][number]['delta'] & Record<string, unknown>;
type FinishReason = CreateChatCompletionStreamResponse['choices'][number]['finish_reason'] | null;

/** One chat chunk of choice 0, as a compatible server would send it. */
export function chunk(delta: Delta, finishReason: FinishReason = null, extra: Record<string, unknown> = {}): CreateChatCompletionStreamResponse {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finishReason as FinishReason & string }],
    ...extra,
  } as CreateChatCompletionStreamResponse;
}

/** The trailing usage-only chunk (`choices: []`). */
export function usageChunk(usage: Record<string, unknown>): CreateChatCompletionStreamResponse {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model', choices: [], usage } as unknown as CreateChatCompletionStreamResponse;
}

export async function* fromArray<T>(items: readonly T[], failAfter?: Error): AsyncGenerator<T> {
  for (const item of items) yield item;
  if (failAfter !== undefined) throw failAfter;
}

export async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const result: StreamPart[] = [];
  for await (const part of parts) result.push(part);
  return result;
}

/** Parts with errors reduced to comparable fields. */
export function comparable(parts: readonly StreamPart[]): unknown[] {
  return parts.map((part) =>
    part.type === 'error' ? { type: 'error', status: part.error.status, code: part.error.code, message: part.error.message } : part,
  );
}
