import { describe, expect, it } from 'vitest';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

describe('mapAnthropicFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool-calls'],
    ['refusal', 'refusal'],
    ['pause_turn', 'other'],
    ['something_new', 'other'],
  ] as const)('%s → %s, raw kept', (raw, unified) => {
    expect(mapAnthropicFinishReason(raw)).toEqual({ unified, raw });
  });

  it('treats the JSON-output tool as a normal stop, and a missing reason as other', () => {
    expect(mapAnthropicFinishReason('tool_use', { structuredOutputOnly: true })).toEqual({ unified: 'stop', raw: 'tool_use' });
    expect(mapAnthropicFinishReason(null)).toEqual({ unified: 'other', raw: undefined });
  });
});
