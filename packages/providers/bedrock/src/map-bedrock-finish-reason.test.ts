import { describe, expect, it } from 'vitest';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

describe('mapBedrockFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['tool_use', 'tool-calls'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['guardrail_intervened', 'content-filter'],
    ['content_filtered', 'content-filter'],
    ['malformed_model_output', 'error'],
    ['malformed_tool_use', 'error'],
    ['something_new', 'other'],
    [undefined, 'other'],
  ])('%s → %s, keeping the raw value', (raw, unified) => {
    expect(mapBedrockFinishReason(raw)).toEqual({ unified, raw });
  });

  it('treats tool_use that answered a json_schema request as a normal stop', () => {
    expect(mapBedrockFinishReason('tool_use', { jsonToolAnswered: true })).toEqual({ unified: 'stop', raw: 'tool_use' });
  });
});
