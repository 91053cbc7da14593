import type { FinishReason } from '@switchyard/core';

/**
 * Cohere's `finish_reason` in the unified vocabulary (docs.cohere.com/reference/chat, `finish_reason`):
 * `COMPLETE` and `STOP_SEQUENCE` → stop, `MAX_TOKENS` → length, `TOOL_CALL` → tool-calls,
 * `ERROR` → error, `TIMEOUT` → error; anything else → other, with `raw` kept.
 */
export function mapCohereFinishReason(raw: string | null | undefined): FinishReason {
  const value = raw ?? undefined;
  switch (value) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return { unified: 'stop', raw: value };
    case 'MAX_TOKENS':
      return { unified: 'length', raw: value };
    case 'TOOL_CALL':
      return { unified: 'tool-calls', raw: value };
    case 'ERROR':
    case 'TIMEOUT':
      return { unified: 'error', raw: value };
    default:
      return { unified: 'other', raw: value };
  }
}
