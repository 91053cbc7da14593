import type { UnifiedFinishReason } from '../../parts/finish-reason.js';
import type { ChatCompletionFinishReason } from './chat-completion-types.js';

/**
 * Maps the unified finish reason onto Chat Completions' `finish_reason`. `refusal` becomes `stop`
 * (the refusal text is in `refusal`). A turn that called tools ends `tool_calls` even when the
 * provider said `stop` or something else (Gemini does), because agent loops key on it. A
 * provider-reported `error` is not a finish reason; the encoder fails the stream instead.
 */
export function chatFinishReasonFromFinishReason(
  unified: Exclude<UnifiedFinishReason, 'error'>,
  calledTools: boolean,
): ChatCompletionFinishReason {
  switch (unified) {
    case 'length':
      return 'length';
    case 'content-filter':
      return 'content_filter';
    case 'tool-calls':
      return 'tool_calls';
    case 'stop':
    case 'refusal':
    case 'other':
      return calledTools ? 'tool_calls' : 'stop';
  }
}
