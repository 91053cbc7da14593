import { GatewayError, UpstreamError, type StreamPart } from '@switchyard/core';
import { parseJsonEvents, type SecretRedactor, type ServerSentEvent } from '@switchyard/provider-utils';
import type { GeminiStreamTransform } from './build-gemini-stream-transform.js';
import type { GeminiGenerateContentResponse } from './gemini-api.js';
import { createGeminiError } from './gemini-error.js';

export interface StreamGeminiPartsOptions {
  readonly provider: string;
  readonly events: AsyncIterable<ServerSentEvent>;
  readonly transform: GeminiStreamTransform;
  readonly redact: SecretRedactor;
  readonly signal: AbortSignal;
}

/**
 * `streamGenerateContent?alt=sse` events → parts. There is no terminator: a clean end is the end
 * of the body after a chunk with a `finishReason` (or a prompt block). Before any part, failures
 * are thrown (the caller peeks); after, they become one `error` part and the stream ends.
 */
export async function* streamGeminiParts(options: StreamGeminiPartsOptions): AsyncGenerator<StreamPart, void, undefined> {
  const { provider, transform } = options;
  let started = false;
  let finished = false;
  const fail = (error: GatewayError): StreamPart => {
    if (!started) throw error;
    return { type: 'error', error };
  };
  try {
    for await (const event of parseJsonEvents<GeminiGenerateContentResponse>(options.events)) {
      if (!event.success) {
        yield fail(new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_invalid_event', message: `${provider}: ${event.error.message}` }));
        return;
      }
      const chunk = event.value;
      if (chunk.error !== undefined && chunk.error !== null) {
        yield fail(createGeminiError({ provider, httpStatus: 0, error: chunk.error, redact: options.redact }));
        return;
      }
      if (chunk.candidates?.some((candidate) => candidate.finishReason !== undefined) === true || chunk.promptFeedback?.blockReason !== undefined) finished = true;
      for (const part of transform.transform(chunk)) {
        started = true;
        yield part;
      }
    }
  } catch (error) {
    if (options.signal.aborted || !GatewayError.isInstance(error)) throw error;
    yield fail(error);
    return;
  }
  if (!finished) {
    yield fail(new UpstreamError({ provider, upstreamStatus: 0, code: 'upstream_stream_truncated', message: `${provider}: the stream ended before a finish reason.` }));
    return;
  }
  yield* transform.flush();
}
