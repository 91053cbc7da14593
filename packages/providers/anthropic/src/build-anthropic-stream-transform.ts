import { GatewayError, UpstreamError, type StreamPart } from '@switchyard/core';
import type { ParseResult, SecretRedactor } from '@switchyard/provider-utils';
import type { AnthropicStreamEvent, AnthropicUsage } from './anthropic-api.js';
import { createAnthropicStreamError } from './anthropic-error.js';
import { encodeAnthropicReasoning } from './anthropic-reasoning-codec.js';
import { convertAnthropicUsage, mergeAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

export interface AnthropicStreamTransformOptions {
  readonly provider: string;
  readonly redact: SecretRedactor;
  /** The forced JSON-output tool, whose input is emitted as text. */
  readonly structuredOutputToolName?: string | undefined;
}

type OpenBlock =
  | { readonly kind: 'text'; readonly id: string }
  | { readonly kind: 'structured'; readonly id: string }
  | { readonly kind: 'thinking'; readonly id: string; thinking: string; signature: string }
  | { readonly kind: 'redacted'; readonly id: string; readonly data: string }
  | { readonly kind: 'tool'; readonly id: string; readonly name: string; input: string }
  | { readonly kind: 'ignored' };

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A typed, stateful transform from Anthropic's named stream events to canonical parts:
 * `message_start` → `response-metadata` (held until the first block); text, thinking, redacted thinking and tool_use blocks →
 * their start/delta/end parts (thinking ends with the exact block as `encryptedContent`; tool
 * calls end with a `tool-call`); `message_delta` + `message_stop` → one `finish`. `ping` and
 * unknown events are ignored. An `error` event (or a failed parse, or an early end) becomes an
 * `error` part — thrown instead when nothing was emitted yet, so the gateway can still retry.
 */
export function buildAnthropicStreamTransform(options: AnthropicStreamTransformOptions) {
  return async function* transform(events: AsyncIterable<ParseResult<AnthropicStreamEvent>>): AsyncGenerator<StreamPart> {
    const state = { emitted: false };
    try {
      yield* transformEvents(events, options, state);
    } catch (error) {
      // A transport failure (reset, idle timeout) after output began ends the stream as an error part.
      if (!state.emitted || !GatewayError.isInstance(error)) throw error;
      yield { type: 'error', error };
    }
  };
}

async function* transformEvents(
  events: AsyncIterable<ParseResult<AnthropicStreamEvent>>,
  options: AnthropicStreamTransformOptions,
  state: { emitted: boolean },
): AsyncGenerator<StreamPart> {
  const blocks = new Map<number, OpenBlock>();
  let usage: AnthropicUsage | undefined;
  let stopReason: string | null | undefined;
  // Held back until the first block or the finish, so an `error` event right after
  // `message_start` is still thrown (retryable) rather than becoming a failed stream.
  let metadata: StreamPart | undefined;
  let toolCalls = 0;
  let structuredAnswers = 0;

  const fail = (error: UpstreamError): StreamPart => {
    if (!state.emitted) throw error;
    return { type: 'error', error };
  };

  for await (const parsed of events) {
    if (!parsed.success) {
      yield fail(new UpstreamError({ provider: options.provider, upstreamStatus: 502, code: 'upstream_invalid_response', message: `${options.provider} sent an unreadable stream event: ${parsed.error.message}` }));
      return;
    }
    const event = parsed.value;
    switch (event.type) {
      case 'message_start':
        usage = mergeAnthropicUsage(usage, event.message.usage);
        metadata = {
          type: 'response-metadata',
          ...(typeof event.message.id === 'string' ? { id: event.message.id } : {}),
          ...(typeof event.message.model === 'string' ? { modelId: event.message.model } : {}),
        };
        break;
      case 'content_block_start': {
        if (metadata !== undefined) yield metadata;
        metadata = undefined;
        state.emitted = true;
        const block = event.content_block;
        const id = `${block.type}_${event.index}`;
        if (block.type === 'text') {
          blocks.set(event.index, { kind: 'text', id });
          yield { type: 'text-start', id };
          if (asString(block['text']) !== '') yield { type: 'text-delta', id, delta: asString(block['text']) };
        } else if (block.type === 'thinking') {
          blocks.set(event.index, { kind: 'thinking', id, thinking: asString(block['thinking']), signature: asString(block['signature']) });
          yield { type: 'reasoning-start', id };
          if (asString(block['thinking']) !== '') yield { type: 'reasoning-delta', id, delta: asString(block['thinking']) };
        } else if (block.type === 'redacted_thinking') {
          blocks.set(event.index, { kind: 'redacted', id, data: asString(block['data']) });
          yield { type: 'reasoning-start', id };
        } else if (block.type === 'tool_use' && block['name'] === options.structuredOutputToolName) {
          structuredAnswers += 1;
          blocks.set(event.index, { kind: 'structured', id });
          yield { type: 'text-start', id };
        } else if (block.type === 'tool_use') {
          toolCalls += 1;
          const callId = asString(block['id']);
          blocks.set(event.index, { kind: 'tool', id: callId, name: asString(block['name']), input: '' });
          yield { type: 'tool-input-start', id: callId, toolName: asString(block['name']) };
        } else blocks.set(event.index, { kind: 'ignored' });
        break;
      }
      case 'content_block_delta': {
        const open = blocks.get(event.index);
        const delta = event.delta;
        if (open === undefined || open.kind === 'ignored') break;
        if (delta.type === 'text_delta' && open.kind === 'text') yield { type: 'text-delta', id: open.id, delta: asString(delta['text']) };
        else if (delta.type === 'thinking_delta' && open.kind === 'thinking') {
          open.thinking += asString(delta['thinking']);
          yield { type: 'reasoning-delta', id: open.id, delta: asString(delta['thinking']) };
        } else if (delta.type === 'signature_delta' && open.kind === 'thinking') open.signature += asString(delta['signature']);
        else if (delta.type === 'input_json_delta' && open.kind === 'tool') {
          open.input += asString(delta['partial_json']);
          if (asString(delta['partial_json']) !== '') yield { type: 'tool-input-delta', id: open.id, delta: asString(delta['partial_json']) };
        } else if (delta.type === 'input_json_delta' && open.kind === 'structured' && asString(delta['partial_json']) !== '') {
          yield { type: 'text-delta', id: open.id, delta: asString(delta['partial_json']) };
        }
        break;
      }
      case 'content_block_stop': {
        const open = blocks.get(event.index);
        blocks.delete(event.index);
        if (open === undefined || open.kind === 'ignored') break;
        if (open.kind === 'text' || open.kind === 'structured') yield { type: 'text-end', id: open.id };
        else if (open.kind === 'thinking') {
          yield { type: 'reasoning-end', id: open.id, encryptedContent: encodeAnthropicReasoning({ type: 'thinking', thinking: open.thinking, signature: open.signature }) };
        } else if (open.kind === 'redacted') {
          yield { type: 'reasoning-end', id: open.id, encryptedContent: encodeAnthropicReasoning({ type: 'redacted_thinking', data: open.data }) };
        } else {
          yield { type: 'tool-input-end', id: open.id };
          yield { type: 'tool-call', toolCallId: open.id, toolName: open.name, input: open.input === '' ? '{}' : open.input };
        }
        break;
      }
      case 'message_delta':
        stopReason = event.delta.stop_reason ?? stopReason;
        usage = mergeAnthropicUsage(usage, event.usage);
        break;
      case 'message_stop':
        if (metadata !== undefined) yield metadata;
        yield {
          type: 'finish',
          finishReason: mapAnthropicFinishReason(stopReason, { structuredOutputOnly: structuredAnswers > 0 && toolCalls === 0 }),
          usage: convertAnthropicUsage(usage),
        };
        return;
      case 'error':
        yield fail(createAnthropicStreamError(options.provider, event.error, options.redact));
        return;
      default:
        break; // `ping` and event types added later
    }
  }
  yield fail(new UpstreamError({ provider: options.provider, upstreamStatus: 502, code: 'upstream_stream_incomplete', message: `${options.provider} ended the stream before message_stop.` }));
}
