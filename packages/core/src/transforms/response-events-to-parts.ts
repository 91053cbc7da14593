import type { ResponseStreamEvent } from '@switchyard/contract';
import { GatewayError } from '../errors/gateway-error.js';
import { UpstreamError } from '../errors/upstream-error.js';
import type { StreamPart } from '../parts/stream-part.js';
import { convertResponseUsage } from './convert-response-usage.js';
import { responseFailureToError } from './response-failure-to-error.js';
import { responseFinishReason } from './response-finish-reason.js';
import { textAnnotationFromAnnotation } from './text-annotation-from-annotation.js';

export interface ResponseEventsToPartsOptions {
  readonly provider?: string;
}

/**
 * Responses stream events → canonical parts, for serving a responses-only model through
 * `/v1/chat/completions`. Messages, refusals, reasoning and function calls are kept; hosted
 * tool items (web search, file search, …) have no chat form and are skipped. Errors before
 * any output are thrown; after output they become an `error` part.
 */
export async function* responseEventsToParts(
  events: AsyncIterable<ResponseStreamEvent>,
  options: ResponseEventsToPartsOptions = {},
): AsyncGenerator<StreamPart> {
  const provider = options.provider ?? 'upstream';
  const callIdByItemId = new Map<string, string>();
  const openBlocks = new Map<string, 'text' | 'refusal' | 'reasoning'>();
  const summaryIndexByItemId = new Map<string, number>();
  let metadata: StreamPart | undefined;
  let emitted = false;
  let hadToolCalls = false;

  function* emit(...parts: StreamPart[]): Generator<StreamPart> {
    for (const part of parts) {
      if (!emitted && metadata !== undefined) yield metadata;
      emitted = true;
      yield part;
    }
  }
  function* open(id: string, kind: 'text' | 'refusal'): Generator<StreamPart> {
    if (openBlocks.has(id)) return;
    openBlocks.set(id, kind);
    yield* emit({ type: `${kind}-start`, id });
  }
  function* close(id: string): Generator<StreamPart> {
    const kind = openBlocks.get(id);
    if (kind === undefined) return;
    openBlocks.delete(id);
    yield* emit({ type: `${kind}-end`, id });
  }
  function* reasoningDelta(itemId: string, kind: 'summary' | 'content', delta: string, summaryIndex: number): Generator<StreamPart> {
    if (!openBlocks.has(itemId)) {
      openBlocks.set(itemId, 'reasoning');
      yield* emit({ type: 'reasoning-start', id: itemId, kind });
    }
    const previousIndex = summaryIndexByItemId.get(itemId);
    summaryIndexByItemId.set(itemId, summaryIndex);
    const separator = previousIndex !== undefined && previousIndex !== summaryIndex ? '\n\n' : '';
    yield* emit({ type: 'reasoning-delta', id: itemId, delta: separator + delta });
  }
  const fail = function* (error: GatewayError): Generator<StreamPart> {
    if (!emitted) throw error;
    yield { type: 'error', error };
  };

  try {
    for await (const event of events) {
      const blockId = 'item_id' in event && 'content_index' in event ? `${event.item_id}:${event.content_index}` : undefined;
      switch (event.type) {
        case 'response.created':
        case 'response.in_progress':
        case 'response.queued':
          metadata ??= { type: 'response-metadata', id: event.response.id, modelId: event.response.model, createdAt: event.response.created_at };
          break;
        case 'response.output_item.added':
          if (event.item.type === 'function_call') {
            const callId = event.item.call_id;
            callIdByItemId.set(event.item.id ?? callId, callId);
            hadToolCalls = true;
            yield* emit({ type: 'tool-input-start', id: callId, toolName: event.item.name });
          }
          break;
        case 'response.content_part.added':
          if (blockId !== undefined && (event.part.type === 'output_text' || event.part.type === 'refusal')) {
            yield* open(blockId, event.part.type === 'output_text' ? 'text' : 'refusal');
          }
          break;
        case 'response.output_text.delta':
          yield* open(`${event.item_id}:${event.content_index}`, 'text');
          yield* emit({ type: 'text-delta', id: `${event.item_id}:${event.content_index}`, delta: event.delta });
          break;
        case 'response.output_text.annotation.added': {
          const annotation = textAnnotationFromAnnotation(event.annotation);
          if (annotation !== undefined) yield* emit({ type: 'text-annotation', id: `${event.item_id}:${event.content_index}`, annotation });
          break;
        }
        case 'response.refusal.delta':
          yield* open(`${event.item_id}:${event.content_index}`, 'refusal');
          yield* emit({ type: 'refusal-delta', id: `${event.item_id}:${event.content_index}`, delta: event.delta });
          break;
        case 'response.output_text.done':
        case 'response.refusal.done':
        case 'response.content_part.done':
          if (blockId !== undefined) yield* close(blockId);
          break;
        case 'response.reasoning_summary_text.delta':
          yield* reasoningDelta(event.item_id, 'summary', event.delta, event.summary_index);
          break;
        case 'response.reasoning_text.delta':
          yield* reasoningDelta(event.item_id, 'content', event.delta, event.content_index);
          break;
        case 'response.function_call_arguments.delta': {
          const callId = callIdByItemId.get(event.item_id);
          if (callId !== undefined) yield* emit({ type: 'tool-input-delta', id: callId, delta: event.delta });
          break;
        }
        case 'response.output_item.done':
          yield* finishItem(event.item);
          break;
        case 'response.completed':
        case 'response.incomplete':
          for (const id of [...openBlocks.keys()]) yield* close(id);
          yield* emit({
            type: 'finish',
            finishReason: responseFinishReason(event.response, hadToolCalls),
            usage: convertResponseUsage(event.response.usage),
          });
          return;
        case 'response.failed':
          yield* fail(responseFailureToError(provider, event.response.error));
          return;
        case 'error':
          yield* fail(responseFailureToError(provider, { code: event.code, message: event.message }));
          return;
        default:
          break;
      }
    }
  } catch (error) {
    const gatewayError = GatewayError.isInstance(error)
      ? error
      : new UpstreamError({ provider, upstreamStatus: 0, message: `The ${provider} stream failed.`, cause: error });
    yield* fail(gatewayError);
    return;
  }
  yield* fail(new UpstreamError({ provider, upstreamStatus: 0, message: `The ${provider} stream ended before the response was complete.` }));

  function* finishItem(item: Extract<ResponseStreamEvent, { type: 'response.output_item.done' }>['item']): Generator<StreamPart> {
    if (item.type === 'function_call') {
      const callId = item.call_id;
      if (!callIdByItemId.has(item.id ?? callId)) {
        hadToolCalls = true;
        yield* emit({ type: 'tool-input-start', id: callId, toolName: item.name });
      }
      yield* emit(
        { type: 'tool-input-end', id: callId },
        { type: 'tool-call', toolCallId: callId, toolName: item.name, input: item.arguments === '' ? '{}' : item.arguments },
      );
    } else if (item.type === 'reasoning') {
      const encrypted = typeof item.encrypted_content === 'string' ? item.encrypted_content : undefined;
      if (!openBlocks.has(item.id) && encrypted !== undefined) {
        openBlocks.set(item.id, 'reasoning');
        yield* emit({ type: 'reasoning-start', id: item.id, kind: 'summary' });
      }
      if (openBlocks.delete(item.id)) {
        yield* emit(encrypted === undefined ? { type: 'reasoning-end', id: item.id } : { type: 'reasoning-end', id: item.id, encryptedContent: encrypted });
      }
    } else if (item.type === 'message') {
      for (const index of item.content.keys()) yield* close(`${item.id}:${index}`);
    }
  }
}
