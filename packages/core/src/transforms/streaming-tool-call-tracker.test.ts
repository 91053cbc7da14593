import { describe, expect, it } from 'vitest';
import { StreamingToolCallTracker } from './streaming-tool-call-tracker.js';

describe('StreamingToolCallTracker', () => {
  it('buffers arguments that arrive before the id and name, and starts once both are known', () => {
    const tracker = new StreamingToolCallTracker();
    expect(tracker.update({ index: 0, function: { arguments: '{"a"' } }, 0)).toEqual([]);
    expect(tracker.update({ index: 0, id: 'call_1', function: { name: 'f', arguments: ':1}' } }, 0)).toEqual([
      { type: 'tool-input-start', id: 'call_1', toolName: 'f' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"a":1}' },
    ]);
    expect(tracker.finish()).toEqual([
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'f', input: '{"a":1}' },
    ]);
    expect(tracker.hasToolCalls).toBe(true);
  });

  it('names a call that never got an id after its index, and uses the array position without an index', () => {
    const tracker = new StreamingToolCallTracker();
    tracker.update({ function: { name: 'g', arguments: '{}' } } as never, 1);
    expect(tracker.finish()).toEqual([
      { type: 'tool-input-start', id: 'call_1', toolName: 'g' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{}' },
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'g', input: '{}' },
    ]);
  });
});
