import type { FinishReason } from '@switchyard/core';

/**
 * Maps a Gemini `finishReason` (or a `promptFeedback.blockReason`) to the unified vocabulary.
 * Values: https://ai.google.dev/api/generate-content#FinishReason and #BlockReason.
 * A turn that called functions and stopped normally is `tool-calls`.
 */
export function mapGeminiFinishReason(raw: string | undefined, options: { hasToolCalls: boolean }): FinishReason {
  switch (raw) {
    case 'STOP':
      return { unified: options.hasToolCalls ? 'tool-calls' : 'stop', raw };
    case 'MAX_TOKENS':
      return { unified: 'length', raw };
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
    case 'IMAGE_RECITATION':
    case 'LANGUAGE':
      return { unified: 'content-filter', raw };
    case 'MALFORMED_FUNCTION_CALL':
    case 'UNEXPECTED_TOOL_CALL':
    case 'TOO_MANY_TOOL_CALLS':
      return { unified: 'error', raw };
    case undefined:
      return { unified: options.hasToolCalls ? 'tool-calls' : 'stop', raw: undefined };
    default:
      return { unified: 'other', raw };
  }
}
