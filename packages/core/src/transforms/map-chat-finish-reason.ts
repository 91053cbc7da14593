import type { FinishReason } from '../parts/finish-reason.js';

/**
 * Chat Completions `finish_reason` → unified. OpenAI's values are `stop`, `length`,
 * `tool_calls`, `content_filter`, `function_call`; compatible servers add a few
 * (Mistral `model_length` and `error`). A `stop` that ended a turn with tool calls
 * (some servers say so) is reported as `tool-calls`.
 */
export function mapChatFinishReason(raw: string | null | undefined, hadToolCalls: boolean): FinishReason {
  const value = raw ?? undefined;
  switch (value) {
    case 'stop':
    case 'eos':
    case 'end_turn':
      return { unified: hadToolCalls ? 'tool-calls' : 'stop', raw: value };
    case 'length':
    case 'model_length':
      return { unified: 'length', raw: value };
    case 'tool_calls':
    case 'function_call':
      return { unified: 'tool-calls', raw: value };
    case 'content_filter':
      return { unified: 'content-filter', raw: value };
    case 'error':
      return { unified: 'error', raw: value };
    default:
      return { unified: hadToolCalls ? 'tool-calls' : 'other', raw: value };
  }
}
