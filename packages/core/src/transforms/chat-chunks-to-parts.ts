import type { CompletionUsage, CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { GatewayError } from '../errors/gateway-error.js';
import { UpstreamError } from '../errors/upstream-error.js';
import type { StreamPart } from '../parts/stream-part.js';
import {
  reasoningTextOf,
  type ChatChunkError,
  type ChatChunkWithExtensions,
  type ChatStreamDeltaWithExtensions,
} from './chat-chunk-extensions.js';
import { convertChatUsage } from './convert-chat-usage.js';
import { mapChatFinishReason } from './map-chat-finish-reason.js';
import { StreamingToolCallTracker } from './streaming-tool-call-tracker.js';

export interface ChatChunksToPartsOptions {
  /** Provider name for errors, e.g. `groq`. */
  readonly provider?: string;
}

type BlockKind = 'text' | 'reasoning' | 'refusal';

/**
 * Parsed Chat Completions chunks → canonical stream parts. Only choice 0 is read.
 * `response-metadata` is held back until the first output, so an upstream error before any
 * output is thrown (retry and fallback stay possible); after output it becomes an `error` part.
 * `finish` is emitted when the stream ends, after the trailing usage chunk.
 */
export async function* chatChunksToParts(
  chunks: AsyncIterable<CreateChatCompletionStreamResponse>,
  options: ChatChunksToPartsOptions = {},
): AsyncGenerator<StreamPart> {
  const provider = options.provider ?? 'upstream';
  const tracker = new StreamingToolCallTracker();
  let metadata: StreamPart | undefined;
  let metadataSent = false;
  let emitted = false;
  let open: { kind: BlockKind; id: string } | undefined;
  let blockCount = 0;
  let finishReason: string | null | undefined;
  let usage: CompletionUsage | undefined;

  function* emit(parts: Iterable<StreamPart>): Generator<StreamPart> {
    for (const part of parts) {
      if (!metadataSent && metadata !== undefined) {
        metadataSent = true;
        yield metadata;
      }
      emitted = true;
      yield part;
    }
  }
  const closeBlock = (): StreamPart[] => {
    if (open === undefined) return [];
    const part: StreamPart = { type: `${open.kind}-end`, id: open.id };
    open = undefined;
    return [part];
  };
  const appendTo = (kind: BlockKind, delta: string): StreamPart[] => {
    const parts: StreamPart[] = [];
    if (open?.kind !== kind) {
      parts.push(...closeBlock());
      open = { kind, id: `${kind}-${blockCount++}` };
      parts.push(kind === 'reasoning' ? { type: 'reasoning-start', id: open.id, kind: 'content' } : { type: `${kind}-start`, id: open.id });
    }
    parts.push({ type: `${kind}-delta`, id: open.id, delta });
    return parts;
  };

  try {
    for await (const received of chunks) {
      const chunk: ChatChunkWithExtensions = received;
      if (chunk.error !== undefined && chunk.error !== null) {
        const error = chunkError(chunk.error, provider);
        if (!emitted) throw error;
        yield { type: 'error', error };
        return;
      }
      metadata ??= { type: 'response-metadata', id: chunk.id, modelId: chunk.model, createdAt: chunk.created };
      usage = chunk.usage ?? chunk.x_groq?.usage ?? usage;
      const choice = chunk.choices?.find((candidate) => candidate.index === 0) ?? chunk.choices?.[0];
      if (choice === undefined) continue;
      const delta: ChatStreamDeltaWithExtensions = choice.delta ?? {};
      const reasoning = reasoningTextOf(delta);
      if (reasoning !== undefined) yield* emit(appendTo('reasoning', reasoning));
      if (typeof delta.content === 'string' && delta.content !== '') yield* emit(appendTo('text', delta.content));
      if (typeof delta.refusal === 'string' && delta.refusal !== '') yield* emit(appendTo('refusal', delta.refusal));
      if (delta.tool_calls !== undefined && delta.tool_calls.length > 0) {
        yield* emit(closeBlock());
        for (const [position, toolCall] of delta.tool_calls.entries()) yield* emit(tracker.update(toolCall, position));
      }
      if (choice.finish_reason !== undefined && choice.finish_reason !== null) finishReason = choice.finish_reason;
    }
  } catch (error) {
    const gatewayError = GatewayError.isInstance(error)
      ? error
      : new UpstreamError({ provider, upstreamStatus: 0, message: `The ${provider} stream failed.`, cause: error });
    if (!emitted) throw gatewayError;
    yield { type: 'error', error: gatewayError };
    return;
  }

  if (finishReason === undefined || finishReason === null) {
    const error = new UpstreamError({ provider, upstreamStatus: 0, message: `The ${provider} stream ended before the response was complete.` });
    if (!emitted) throw error;
    yield { type: 'error', error };
    return;
  }
  yield* emit([
    ...closeBlock(),
    ...tracker.finish(),
    { type: 'finish', finishReason: mapChatFinishReason(finishReason, tracker.hasToolCalls), usage: convertChatUsage(usage) },
  ]);
}

function chunkError(error: ChatChunkError, provider: string): UpstreamError {
  const status = typeof error.code === 'number' && error.code >= 400 && error.code < 600 ? error.code : 500;
  return new UpstreamError({
    provider,
    upstreamStatus: status,
    message: error.message ?? `The ${provider} stream reported an error.`,
    code: typeof error.code === 'string' ? error.code : null,
    param: error.param ?? null,
  });
}
