import type { SseFrame } from '../http/fake-server-types.js';
import { splitIntoWords } from './derive-fake-anthropic-message.js';
import type { FakeAnthropicAnswerBlock, FakeAnthropicMessageResponse } from './fake-anthropic-types.js';

const frame = (data: { type: string } & Record<string, unknown>): SseFrame => ({ event: data.type, data: JSON.stringify(data) });

function emptyStart(block: FakeAnthropicAnswerBlock): FakeAnthropicAnswerBlock {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool_use':
      return { ...block, input: {} };
    default:
      return block;
  }
}

function deltasOf(block: FakeAnthropicAnswerBlock): Array<Record<string, unknown> & { type: string }> {
  switch (block.type) {
    case 'text':
      return splitIntoWords(block.text).map((text) => ({ type: 'text_delta', text }));
    case 'thinking':
      return [...splitIntoWords(block.thinking).map((thinking) => ({ type: 'thinking_delta', thinking })), { type: 'signature_delta', signature: block.signature }];
    case 'tool_use': {
      const json = JSON.stringify(block.input);
      const middle = Math.ceil(json.length / 2);
      return [
        { type: 'input_json_delta', partial_json: '' },
        { type: 'input_json_delta', partial_json: json.slice(0, middle) },
        { type: 'input_json_delta', partial_json: json.slice(middle) },
      ];
    }
    default:
      return [];
  }
}

/**
 * A Message as Anthropic streams it (https://docs.anthropic.com/en/docs/build-with-claude/streaming):
 * `message_start` (empty content, input usage), per block `content_block_start` (empty),
 * `content_block_delta`s (text and thinking word by word, the signature last, tool input as
 * partial JSON), `content_block_stop`, a `ping` after the first block opens, then `message_delta`
 * (stop reason, cumulative usage) and `message_stop`.
 */
export function renderFakeAnthropicStream(message: FakeAnthropicMessageResponse): SseFrame[] {
  const frames: SseFrame[] = [
    frame({
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...message.usage, output_tokens: 1 } },
    }),
  ];
  message.content.forEach((block, index) => {
    frames.push(frame({ type: 'content_block_start', index, content_block: emptyStart(block) }));
    if (index === 0) frames.push(frame({ type: 'ping' }));
    for (const delta of deltasOf(block)) frames.push(frame({ type: 'content_block_delta', index, delta }));
    frames.push(frame({ type: 'content_block_stop', index }));
  });
  frames.push(
    frame({
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence },
      usage: { output_tokens: message.usage.output_tokens },
    }),
    frame({ type: 'message_stop' }),
  );
  return frames;
}
