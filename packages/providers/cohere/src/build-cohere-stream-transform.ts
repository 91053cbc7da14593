import type { FinishReason, StreamPart, Usage } from '@switchyard/core';
import type { CohereCitation, CohereStreamEvent, CohereUsage } from './cohere-api.js';
import { convertCohereCitation } from './convert-cohere-citation.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { encodeCohereReasoningBlock } from './cohere-reasoning-block.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

export interface CohereStreamTransformOptions {
  /** The model id to report (Cohere's stream does not name it). */
  readonly modelId: string;
}

/** How the stream ended, once `message-end` arrived. */
export type CohereStreamEnding =
  | { readonly kind: 'finished'; readonly finishReason: FinishReason; readonly usage: Usage }
  | { readonly kind: 'failed'; readonly message: string; readonly finishReason: FinishReason; readonly usage: Usage };

export interface CohereStreamTransform {
  /** Parts for one upstream event. `response-metadata` waits for the first block, so an early failure can still be thrown. */
  apply(event: CohereStreamEvent): StreamPart[];
  /**
   * Closes whatever is still open; call before the `finish` (`complete: true`, open tool calls are
   * also emitted as `tool-call`) or `error` part.
   */
  closeOpenBlocks(complete: boolean): StreamPart[];
  /** Set by `message-end`. */
  readonly ending: CohereStreamEnding | undefined;
  /** Whether any part (metadata included) has been produced. */
  readonly started: boolean;
}

interface OpenContent {
  readonly id: string;
  readonly kind: 'text' | 'thinking';
  thinking: string;
}

interface OpenToolCall {
  readonly id: string;
  readonly name: string;
  arguments: string;
}

/**
 * Cohere v2 stream events → canonical parts, as a typed, stateful closure (no string parsing here).
 * - `content-*` with `type: text` → `text-*`; with `type: thinking` → `reasoning-*` whose
 *   `encryptedContent` rebuilds the thinking block on the next turn;
 * - `tool-plan-delta` → a `reasoning` block (kind `summary`) that closes when the first tool call
 *   (or content) starts; its `encryptedContent` carries the exact `tool_plan`;
 * - `tool-call-start/delta/end` → `tool-input-start/delta/end` + `tool-call`;
 * - `citation-start` → `text-annotation` on the text block it cites. A text block's `text-end` is held
 *   back until the next block or the end, because Cohere may send citations after `content-end`;
 * - `message-end` → the ending (finish reason, usage, or the upstream error message).
 */
export function buildCohereStreamTransform(options: CohereStreamTransformOptions): CohereStreamTransform {
  let responseId: string | undefined;
  let metadataSent = false;
  let ending: CohereStreamEnding | undefined;
  const contents = new Map<number, OpenContent>();
  const textIds = new Map<number, string>();
  let heldTextEnd: string | undefined;
  let lastTextId: string | undefined;
  let plan: { id: string; text: string } | undefined;
  let planCount = 0;
  const toolCalls = new Map<number, OpenToolCall>();

  const begin = (parts: StreamPart[]): void => {
    if (metadataSent) return;
    metadataSent = true;
    parts.push({ type: 'response-metadata', ...(responseId === undefined ? {} : { id: responseId }), modelId: options.modelId });
  };
  const releaseHeldText = (parts: StreamPart[]): void => {
    if (heldTextEnd === undefined) return;
    parts.push({ type: 'text-end', id: heldTextEnd });
    heldTextEnd = undefined;
  };
  const closePlan = (parts: StreamPart[]): void => {
    if (plan === undefined) return;
    parts.push({ type: 'reasoning-end', id: plan.id, encryptedContent: encodeCohereReasoningBlock({ type: 'tool_plan', tool_plan: plan.text }) });
    plan = undefined;
  };
  const openContent = (index: number, kind: OpenContent['kind'], parts: StreamPart[]): OpenContent => {
    begin(parts);
    releaseHeldText(parts);
    closePlan(parts);
    const id = `cohere-${kind}-${index}`;
    const opened: OpenContent = { id, kind, thinking: '' };
    contents.set(index, opened);
    if (kind === 'text') {
      textIds.set(index, id);
      lastTextId = id;
      parts.push({ type: 'text-start', id });
    } else parts.push({ type: 'reasoning-start', id, kind: 'summary' });
    return opened;
  };
  const annotate = (citation: CohereCitation | null | undefined, parts: StreamPart[]): void => {
    if (citation === null || citation === undefined) return;
    const contentIndex = typeof citation.content_index === 'number' ? citation.content_index : undefined;
    const textId = (contentIndex === undefined ? undefined : textIds.get(contentIndex)) ?? lastTextId;
    if (textId === undefined) return;
    for (const annotation of convertCohereCitation(citation)) parts.push({ type: 'text-annotation', id: textId, annotation });
  };

  return {
    get ending() {
      return ending;
    },
    get started() {
      return metadataSent;
    },
    apply(event) {
      const parts: StreamPart[] = [];
      switch (event.type) {
        case 'message-start':
          if (typeof event.id === 'string' && event.id !== '') responseId = event.id;
          break;
        case 'content-start': {
          const content = event.delta?.message?.content;
          const opened = openContent(event.index ?? 0, content?.type === 'thinking' ? 'thinking' : 'text', parts);
          // The start event normally carries an empty text; keep it if it does not.
          const initial = opened.kind === 'text' ? content?.text : content?.thinking;
          if (typeof initial === 'string' && initial !== '') {
            if (opened.kind === 'thinking') opened.thinking += initial;
            parts.push(opened.kind === 'text' ? { type: 'text-delta', id: opened.id, delta: initial } : { type: 'reasoning-delta', id: opened.id, delta: initial });
          }
          break;
        }
        case 'content-delta': {
          const content = event.delta?.message?.content;
          if (content === null || content === undefined) break;
          const index = event.index ?? 0;
          // Tolerates streams that skip content-start (older answers send bare deltas).
          const open = contents.get(index) ?? openContent(index, typeof content.thinking === 'string' && content.thinking !== '' ? 'thinking' : 'text', parts);
          if (open.kind === 'text' && typeof content.text === 'string' && content.text !== '') parts.push({ type: 'text-delta', id: open.id, delta: content.text });
          if (open.kind === 'thinking' && typeof content.thinking === 'string' && content.thinking !== '') {
            open.thinking += content.thinking;
            parts.push({ type: 'reasoning-delta', id: open.id, delta: content.thinking });
          }
          break;
        }
        case 'content-end': {
          const index = event.index ?? 0;
          const open = contents.get(index);
          if (open === undefined) break;
          contents.delete(index);
          if (open.kind === 'text') {
            releaseHeldText(parts);
            heldTextEnd = open.id;
          } else parts.push({ type: 'reasoning-end', id: open.id, encryptedContent: encodeCohereReasoningBlock({ type: 'thinking', thinking: open.thinking }) });
          break;
        }
        case 'tool-plan-delta': {
          const delta = event.delta?.message?.tool_plan;
          if (typeof delta !== 'string' || delta === '') break;
          begin(parts);
          releaseHeldText(parts);
          if (plan === undefined) {
            planCount += 1;
            plan = { id: `cohere-plan-${planCount}`, text: '' };
            parts.push({ type: 'reasoning-start', id: plan.id, kind: 'summary' });
          }
          plan.text += delta;
          parts.push({ type: 'reasoning-delta', id: plan.id, delta });
          break;
        }
        case 'tool-call-start': {
          begin(parts);
          releaseHeldText(parts);
          closePlan(parts);
          const call = event.delta?.message?.tool_calls;
          const index = event.index ?? toolCalls.size;
          const id = typeof call?.id === 'string' && call.id !== '' ? call.id : `cohere-call-${index}`;
          const name = call?.function?.name ?? '';
          const opened: OpenToolCall = { id, name, arguments: call?.function?.arguments ?? '' };
          toolCalls.set(index, opened);
          parts.push({ type: 'tool-input-start', id, toolName: name });
          if (opened.arguments !== '') parts.push({ type: 'tool-input-delta', id, delta: opened.arguments });
          break;
        }
        case 'tool-call-delta': {
          const open = toolCalls.get(event.index ?? 0);
          const delta = event.delta?.message?.tool_calls?.function?.arguments;
          if (open === undefined || typeof delta !== 'string' || delta === '') break;
          open.arguments += delta;
          parts.push({ type: 'tool-input-delta', id: open.id, delta });
          break;
        }
        case 'tool-call-end': {
          const index = event.index ?? 0;
          const open = toolCalls.get(index);
          if (open === undefined) break;
          toolCalls.delete(index);
          parts.push({ type: 'tool-input-end', id: open.id });
          parts.push({ type: 'tool-call', toolCallId: open.id, toolName: open.name, input: open.arguments === '' ? '{}' : open.arguments });
          break;
        }
        case 'citation-start':
          annotate(event.delta?.message?.citations, parts);
          break;
        case 'message-end': {
          const delta = event.delta;
          const finishReason = mapCohereFinishReason(delta?.finish_reason);
          const usage = convertCohereUsage(delta?.usage as CohereUsage | null | undefined);
          const error = typeof delta?.error === 'string' && delta.error !== '' ? delta.error : undefined;
          ending =
            error !== undefined || delta?.finish_reason === 'ERROR' || delta?.finish_reason === 'TIMEOUT'
              ? { kind: 'failed', message: error ?? `generation ended with ${String(delta?.finish_reason)}`, finishReason, usage }
              : { kind: 'finished', finishReason, usage };
          break;
        }
        default:
          break;
      }
      return parts;
    },
    closeOpenBlocks(complete) {
      const parts: StreamPart[] = [];
      begin(parts);
      releaseHeldText(parts);
      closePlan(parts);
      for (const open of contents.values()) {
        if (open.kind === 'text') parts.push({ type: 'text-end', id: open.id });
        else parts.push({ type: 'reasoning-end', id: open.id, encryptedContent: encodeCohereReasoningBlock({ type: 'thinking', thinking: open.thinking }) });
      }
      contents.clear();
      for (const open of toolCalls.values()) {
        parts.push({ type: 'tool-input-end', id: open.id });
        if (complete) parts.push({ type: 'tool-call', toolCallId: open.id, toolName: open.name, input: open.arguments === '' ? '{}' : open.arguments });
      }
      toolCalls.clear();
      return parts;
    },
  };
}
