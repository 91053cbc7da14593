import type { ErrorEnvelope } from '../errors/to-openai-error-envelope.js';

/** How one operation's events are framed on the wire. */
export interface StreamFormat {
  /** Frame for one event. */
  event(event: unknown): string;
  /** Frame written after the last event, if any. */
  readonly end: string | undefined;
  /** Terminal frame for an error after the first event. */
  error(error: ErrorEnvelope['error']): string;
}

function sequenceNumberOf(event: unknown): number | undefined {
  if (typeof event !== 'object' || event === null || !('sequence_number' in event)) return undefined;
  return typeof event.sequence_number === 'number' ? event.sequence_number : undefined;
}

function typeOf(event: unknown): string {
  return typeof event === 'object' && event !== null && 'type' in event && typeof event.type === 'string' ? event.type : 'message';
}

/** Responses API: `event: <type>` + `data: <json>`; an error is a terminal `error` event numbered after the last. */
export function responsesStreamFormat(): StreamFormat {
  let lastSequenceNumber = -1;
  return {
    event(event) {
      lastSequenceNumber = sequenceNumberOf(event) ?? lastSequenceNumber + 1;
      return `event: ${typeOf(event)}\ndata: ${JSON.stringify(event)}\n\n`;
    },
    end: undefined,
    error(error) {
      lastSequenceNumber += 1;
      const event = { type: 'error', code: error.code, message: error.message, param: error.param, sequence_number: lastSequenceNumber };
      return `event: error\ndata: ${JSON.stringify(event)}\n\n`;
    },
  };
}

/** Chat Completions: `data: <json>` per chunk, then `data: [DONE]`; an error is `data: {"error":{...}}`. */
export function chatStreamFormat(): StreamFormat {
  return {
    event: (chunk) => `data: ${JSON.stringify(chunk)}\n\n`,
    end: 'data: [DONE]\n\n',
    error: (error) => `data: ${JSON.stringify({ error })}\n\n`,
  };
}
