import type { ParseResult } from '@switchyard/provider-utils';
import type { AnthropicMessageResponse, AnthropicStreamEvent } from './anthropic-api.js';

/**
 * A non-streamed Message as the stream events that would have built it, so one transform serves
 * both modes: each block starts with its whole content (tool input as one JSON delta).
 */
export async function* anthropicMessageToEvents(message: AnthropicMessageResponse): AsyncGenerator<ParseResult<AnthropicStreamEvent>> {
  const event = (value: AnthropicStreamEvent): ParseResult<AnthropicStreamEvent> => ({ success: true, value });
  const { content = [], stop_reason: stopReason, stop_sequence: stopSequence, usage, ...rest } = message;
  yield event({ type: 'message_start', message: { ...rest, content: [], stop_reason: null, ...(usage === undefined ? {} : { usage }) } });
  for (const [index, block] of content.entries()) {
    if (block.type === 'tool_use') {
      const { input, ...start } = block;
      yield event({ type: 'content_block_start', index, content_block: { ...start, input: {} } });
      yield event({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(input ?? {}) } });
    } else yield event({ type: 'content_block_start', index, content_block: block });
    yield event({ type: 'content_block_stop', index });
  }
  yield event({ type: 'message_delta', delta: { stop_reason: stopReason ?? null, stop_sequence: stopSequence ?? null }, ...(usage === undefined ? {} : { usage }) });
  yield event({ type: 'message_stop' });
}
