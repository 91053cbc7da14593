import { expect, it } from 'vitest';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

it.each([
  ['COMPLETE', 'stop'],
  ['STOP_SEQUENCE', 'stop'],
  ['MAX_TOKENS', 'length'],
  ['TOOL_CALL', 'tool-calls'],
  ['ERROR', 'error'],
  ['TIMEOUT', 'error'],
  ['SOMETHING_NEW', 'other'],
] as const)('%s → %s, raw kept', (raw, unified) => {
  expect(mapCohereFinishReason(raw)).toEqual({ unified, raw });
});

it('a missing finish reason is other with no raw value', () => {
  expect(mapCohereFinishReason(null)).toEqual({ unified: 'other', raw: undefined });
});
