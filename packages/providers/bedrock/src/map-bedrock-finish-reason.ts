import type { FinishReason } from '@switchyard/core';

/**
 * Maps a Bedrock `stopReason` (API reference: `MessageStopEvent`, enum `StopReason`) to the unified
 * finish reason, keeping the raw value. `tool_use` ending a forced json_schema tool is a normal stop.
 */
export function mapBedrockFinishReason(stopReason: string | undefined, options: { jsonToolAnswered?: boolean } = {}): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return { unified: 'stop', raw: stopReason };
    case 'tool_use':
      return { unified: options.jsonToolAnswered === true ? 'stop' : 'tool-calls', raw: stopReason };
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { unified: 'length', raw: stopReason };
    case 'guardrail_intervened':
    case 'content_filtered':
      return { unified: 'content-filter', raw: stopReason };
    case 'malformed_model_output':
    case 'malformed_tool_use':
      return { unified: 'error', raw: stopReason };
    default:
      return { unified: 'other', raw: stopReason };
  }
}
