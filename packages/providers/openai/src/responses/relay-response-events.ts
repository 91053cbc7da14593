import { UpstreamError, type AdapterContext } from '@switchyard/core';
import { parseJsonEvents, type ServerSentEvent } from '@switchyard/provider-utils';
import type { OpenAIConfig } from '../openai-config.js';
import { createOpenAIStreamError, type OpenAIStreamErrorPayload } from '../openai-error.js';

/** The fields of a Responses stream event the relay reads; everything else passes untouched. */
export interface ResponsesStreamEventFields {
  readonly type: string;
  readonly sequence_number?: number;
  readonly response?: { readonly error?: OpenAIStreamErrorPayload | null };
}

const terminalTypes = new Set(['response.completed', 'response.failed', 'response.incomplete', 'error']);

const isEvent = (value: unknown): value is ResponsesStreamEventFields =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/**
 * Relays upstream Responses events one by one, as parsed objects, unchanged (hosted-tool
 * items included). Checks `sequence_number` continuity: a gap is flagged (warning + logger),
 * never renumbered. An `error`/`response.failed` before anything was relayed is thrown as an
 * `UpstreamError`; later it is relayed as the terminal event it is. A malformed frame or a
 * stream that ends before a terminal event throws. Events after the terminal one are dropped.
 */
export async function* relayResponseEvents<TEvent>(
  config: OpenAIConfig,
  events: AsyncIterable<ServerSentEvent>,
  context: AdapterContext,
  startingAfter?: number,
): AsyncGenerator<TEvent, void, undefined> {
  const { provider, client } = config;
  let previous = startingAfter;
  let relayed = 0;
  let terminated = false;
  for await (const parsed of parseJsonEvents(events, { check: isEvent })) {
    // After the terminal event the rest of the body is read and ignored, so the connection can be reused.
    if (terminated) continue;
    if (!parsed.success) {
      throw new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: ${parsed.error.message}` });
    }
    const event = parsed.value;
    if (relayed === 0 && (event.type === 'error' || event.type === 'response.failed')) {
      const payload = event.type === 'error' ? (event as OpenAIStreamErrorPayload) : (event.response?.error ?? {});
      throw createOpenAIStreamError(provider, payload, client.redact);
    }
    const sequence = event.sequence_number;
    if (typeof sequence === 'number') {
      if (previous !== undefined && sequence !== previous + 1) {
        const message = `${provider} stream: sequence_number jumped from ${previous} to ${sequence}.`;
        context.warnings.push({ type: 'other', message });
        config.logger?.warn(message, { provider, requestId: context.requestId, expected: previous + 1, received: sequence });
      }
      previous = sequence;
    }
    terminated = terminalTypes.has(event.type);
    relayed += 1;
    yield event as TEvent;
  }
  if (!terminated) {
    throw new UpstreamError({
      provider,
      upstreamStatus: 0,
      code: 'upstream_stream_truncated',
      message: `${provider}: the event stream ended before a terminal event.`,
    });
  }
}
