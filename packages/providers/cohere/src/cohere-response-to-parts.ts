import type { StreamPart } from '@switchyard/core';
import type { CohereChatResponse } from './cohere-api.js';
import { createCohereGenerationError } from './cohere-error.js';
import { encodeCohereReasoningBlock } from './cohere-reasoning-block.js';
import { convertCohereCitation } from './convert-cohere-citation.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/**
 * A non-streamed Cohere answer → canonical parts, in the order the stream would give them:
 * the tool plan (reasoning), content blocks (thinking → reasoning, text → text with its citations
 * as annotations), tool calls, then `finish`. A `finish_reason` of `ERROR`/`TIMEOUT` with no
 * output is thrown (the gateway answers with a status); with output it ends in an `error` part.
 */
export function cohereResponseToParts(response: CohereChatResponse, options: { provider: string; modelId: string }): StreamPart[] {
  const parts: StreamPart[] = [{ type: 'response-metadata', ...(typeof response.id === 'string' ? { id: response.id } : {}), modelId: options.modelId }];
  const message = response.message ?? {};
  const plan = message.tool_plan;
  if (typeof plan === 'string' && plan !== '') {
    parts.push({ type: 'reasoning-start', id: 'cohere-plan-1', kind: 'summary' });
    parts.push({ type: 'reasoning-delta', id: 'cohere-plan-1', delta: plan });
    parts.push({ type: 'reasoning-end', id: 'cohere-plan-1', encryptedContent: encodeCohereReasoningBlock({ type: 'tool_plan', tool_plan: plan }) });
  }
  const citations = message.citations ?? [];
  const textIndexes: number[] = [];
  (message.content ?? []).forEach((block, index) => {
    if (block.type === 'thinking' && 'thinking' in block && typeof block.thinking === 'string') {
      const id = `cohere-thinking-${index}`;
      parts.push({ type: 'reasoning-start', id, kind: 'summary' });
      if (block.thinking !== '') parts.push({ type: 'reasoning-delta', id, delta: block.thinking });
      parts.push({ type: 'reasoning-end', id, encryptedContent: encodeCohereReasoningBlock({ type: 'thinking', thinking: block.thinking }) });
    } else if (block.type === 'text' && 'text' in block && typeof block.text === 'string') {
      textIndexes.push(index);
      const id = `cohere-text-${index}`;
      parts.push({ type: 'text-start', id });
      if (block.text !== '') parts.push({ type: 'text-delta', id, delta: block.text });
      const lastText = textIndexes.length === (message.content ?? []).filter((entry) => entry.type === 'text').length;
      for (const citation of citations) {
        const target = typeof citation.content_index === 'number' ? citation.content_index === index : lastText;
        if (!target) continue;
        for (const annotation of convertCohereCitation(citation)) parts.push({ type: 'text-annotation', id, annotation });
      }
      parts.push({ type: 'text-end', id });
    }
  });
  (message.tool_calls ?? []).forEach((call, index) => {
    const id = typeof call.id === 'string' && call.id !== '' ? call.id : `cohere-call-${index}`;
    const args = call.function?.arguments;
    parts.push({ type: 'tool-call', toolCallId: id, toolName: call.function?.name ?? '', input: typeof args === 'string' && args !== '' ? args : '{}' });
  });
  const finishReason = mapCohereFinishReason(response.finish_reason);
  if (finishReason.unified === 'error') {
    const error = createCohereGenerationError(options.provider, finishReason.raw, 'no detail was given');
    if (parts.length === 1) throw error;
    parts.push({ type: 'error', error });
    return parts;
  }
  parts.push({ type: 'finish', finishReason, usage: convertCohereUsage(response.usage) });
  return parts;
}
