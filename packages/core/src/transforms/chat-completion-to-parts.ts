import type { CreateChatCompletionResponse } from '@switchyard/contract';
import type { StreamPart } from '../parts/stream-part.js';
import { reasoningTextOf, type ChatResponseMessageWithExtensions } from './chat-chunk-extensions.js';
import { convertChatUsage } from './convert-chat-usage.js';
import { mapChatFinishReason } from './map-chat-finish-reason.js';

/** A non-streaming chat completion (choice 0) → the same parts a stream of it would give. */
export function chatCompletionToParts(response: CreateChatCompletionResponse): StreamPart[] {
  const parts: StreamPart[] = [{ type: 'response-metadata', id: response.id, modelId: response.model, createdAt: response.created }];
  const choice = response.choices.find((candidate) => candidate.index === 0) ?? response.choices[0];
  const message: ChatResponseMessageWithExtensions | undefined = choice?.message;
  const toolCalls = message?.tool_calls ?? [];
  if (message !== undefined) {
    const reasoning = reasoningTextOf(message);
    if (reasoning !== undefined) {
      parts.push(
        { type: 'reasoning-start', id: 'reasoning-0', kind: 'content' },
        { type: 'reasoning-delta', id: 'reasoning-0', delta: reasoning },
        { type: 'reasoning-end', id: 'reasoning-0' },
      );
    }
    if (typeof message.content === 'string' && message.content !== '') {
      parts.push({ type: 'text-start', id: 'text-0' }, { type: 'text-delta', id: 'text-0', delta: message.content });
      for (const annotation of message.annotations ?? []) {
        const citation = annotation.url_citation;
        parts.push({
          type: 'text-annotation',
          id: 'text-0',
          annotation: { type: 'url_citation', url: citation.url, title: citation.title, startIndex: citation.start_index, endIndex: citation.end_index },
        });
      }
      parts.push({ type: 'text-end', id: 'text-0' });
    }
    if (typeof message.refusal === 'string' && message.refusal !== '') {
      parts.push(
        { type: 'refusal-start', id: 'refusal-0' },
        { type: 'refusal-delta', id: 'refusal-0', delta: message.refusal },
        { type: 'refusal-end', id: 'refusal-0' },
      );
    }
    for (const toolCall of toolCalls) {
      if (toolCall.type !== 'function') continue;
      const input = toolCall.function.arguments === '' ? '{}' : toolCall.function.arguments;
      parts.push(
        { type: 'tool-input-start', id: toolCall.id, toolName: toolCall.function.name },
        { type: 'tool-input-delta', id: toolCall.id, delta: input },
        { type: 'tool-input-end', id: toolCall.id },
        { type: 'tool-call', toolCallId: toolCall.id, toolName: toolCall.function.name, input },
      );
    }
  }
  parts.push({
    type: 'finish',
    finishReason: mapChatFinishReason(choice?.finish_reason, toolCalls.length > 0),
    usage: convertChatUsage(response.usage),
  });
  return parts;
}
