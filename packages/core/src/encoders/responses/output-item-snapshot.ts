import type { OutputItem } from '@switchyard/contract';
import type { MessagePartState, OutputItemState } from './output-item-state.js';
import type { OutputMessagePart } from './response-output-types.js';

/** The wire shape of one message content part, as it stands now. */
export function messagePartSnapshot(part: MessagePartState): OutputMessagePart {
  if (part.type === 'refusal') return { type: 'refusal', refusal: part.text };
  return { type: 'output_text', annotations: [...part.annotations], logprobs: [], text: part.text };
}

/** The wire shape of an output item, as it stands now (added: empty; done: complete). */
export function outputItemSnapshot(state: OutputItemState): OutputItem {
  switch (state.type) {
    case 'message':
      return {
        id: state.id,
        type: 'message',
        status: state.status,
        content: state.parts.map(messagePartSnapshot),
        role: 'assistant',
      };
    case 'reasoning':
      return {
        id: state.id,
        type: 'reasoning',
        status: state.status,
        summary: state.kind === 'summary' && state.partOpened ? [{ type: 'summary_text', text: state.text }] : [],
        ...(state.kind === 'content'
          ? { content: state.partOpened ? [{ type: 'reasoning_text' as const, text: state.text }] : [] }
          : {}),
        ...(state.encryptedContent === undefined ? {} : { encrypted_content: state.encryptedContent }),
      };
    case 'function_call':
      return {
        id: state.id,
        type: 'function_call',
        status: state.status,
        arguments: state.arguments,
        call_id: state.callId,
        name: state.name,
      };
    case 'image_generation_call':
      return {
        id: state.id,
        type: 'image_generation_call',
        status: state.ended ? 'completed' : 'in_progress',
        result: state.ended ? state.base64 : null,
      };
  }
}
