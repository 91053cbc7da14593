import { describe, expect, it } from 'vitest';
import { anthropicMessageToEvents } from './anthropic-message-to-events.js';

describe('anthropicMessageToEvents', () => {
  it('replays a whole Message as the stream that would have built it', async () => {
    const events = [];
    for await (const event of anthropicMessageToEvents({
      id: 'msg_1',
      model: 'claude',
      content: [
        { type: 'thinking', thinking: 'T', signature: 'S' },
        { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 4 },
    })) {
      events.push(event.success ? event.value : undefined);
    }
    expect(events).toEqual([
      { type: 'message_start', message: { id: 'msg_1', model: 'claude', content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 4 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: 'T', signature: 'S' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a":1}' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 3, output_tokens: 4 } },
      { type: 'message_stop' },
    ]);
  });
});
