import type { FinishReason } from '@switchyard/core';

/**
 * Anthropic `stop_reason` → the unified finish reason, raw value kept. `pause_turn` (a server
 * tool paused a long turn) and unknown values become `other`.
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined, options: { structuredOutputOnly?: boolean } = {}): FinishReason {
  const raw = stopReason ?? undefined;
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return { unified: 'stop', raw };
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { unified: 'length', raw };
    case 'tool_use':
      // The forced JSON-output tool is an answer, not a call for the client to run.
      return { unified: options.structuredOutputOnly === true ? 'stop' : 'tool-calls', raw };
    case 'refusal':
      return { unified: 'refusal', raw };
    default:
      return { unified: 'other', raw };
  }
}
