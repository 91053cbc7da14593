import type { UsageTokens } from '@switchyard/accounting';
import { GatewayError } from '@switchyard/core';
import { noUsage, streamEventTextLength, streamEventUsage } from './usage-of.js';

/** Output characters billed as one token when a stream ends without usage (a cut stream). */
const charactersPerOutputToken = 4;

/** How a metered stream ended: what its attempt row bills and records. */
export interface MeteredStreamEnd {
  readonly usage: UsageTokens;
  /** `completed`, `failed` or `incomplete` from the terminal event; `failed` on an error; `cancelled` when the consumer stopped reading. */
  readonly status: string;
  readonly errorCode: string | null;
}

function terminalStatusOf(event: unknown): string | undefined {
  const type = (event as { type?: unknown }).type;
  if (type === 'response.completed') return 'completed';
  if (type === 'response.failed') return 'failed';
  if (type === 'response.incomplete') return 'incomplete';
  if (type === 'error') return 'failed';
  return undefined;
}

/**
 * Yields the events of `source` unchanged and calls `onEnd` exactly once when the stream is over:
 * read to its end, failed (the error is rethrown, its code recorded) or left by its consumer. The
 * usage is the last one an event carried; a stream without usage (cut, or a chat stream without
 * `include_usage`) bills `inputEstimate` input tokens and the output it produced (one token per
 * four characters).
 */
export async function* meterStream(source: AsyncIterable<unknown>, inputEstimate: number, onEnd: (end: MeteredStreamEnd) => void): AsyncGenerator<unknown> {
  let usage: UsageTokens | undefined;
  let characters = 0;
  let status = 'completed';
  let errorCode: string | null = null;
  let terminal = false;
  let ended = false;
  try {
    for await (const event of source) {
      usage = streamEventUsage(event) ?? usage;
      characters += streamEventTextLength(event);
      const eventStatus = terminalStatusOf(event);
      if (eventStatus !== undefined) {
        status = eventStatus;
        terminal = true;
      }
      yield event;
    }
    ended = true;
  } catch (error) {
    status = 'failed';
    errorCode = GatewayError.isInstance(error) ? (error.code ?? 'upstream_error') : 'upstream_error';
    throw error;
  } finally {
    // Left before its end without a terminal event or an error: the consumer stopped reading.
    if (!ended && !terminal && errorCode === null) status = 'cancelled';
    const billed = usage ?? { ...noUsage, inputTokens: inputEstimate, outputTokens: Math.ceil(characters / charactersPerOutputToken) };
    onEnd({ usage: billed, status, errorCode });
  }
}
