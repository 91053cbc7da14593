import { UpstreamError, type StreamPart } from '@switchyard/core';
import type { SecretRedactor } from '@switchyard/provider-utils';
import type { BedrockStreamEvent } from './bedrock-api.js';
import { createBedrockUpstreamError } from './bedrock-error.js';
import type { BedrockStreamTransform } from './build-bedrock-stream-transform.js';

export interface ReadBedrockStreamOptions {
  readonly events: AsyncIterable<BedrockStreamEvent>;
  readonly transform: BedrockStreamTransform;
  readonly provider: string;
  readonly redact: SecretRedactor;
  /** The caller's signal: when it aborts, iteration ends with its reason. */
  readonly signal: AbortSignal;
  /** Closes the upstream connection (when the reader stops early or fails). */
  readonly abortUpstream: () => void;
}

/**
 * Reads decoded ConverseStream events into parts. A failure before the first part is thrown
 * (so the gateway can still answer with its status, retry or fall back); after output began it
 * becomes one `error` part. A stream that ends without `messageStop` is a failure too.
 */
export async function* readBedrockStream(options: ReadBedrockStreamOptions): AsyncGenerator<StreamPart> {
  const { transform, provider } = options;
  let started = false;
  let stopped = false;
  let completed = false;
  try {
    try {
      for await (const event of options.events) {
        if (event.messageStop !== undefined) stopped = true;
        for (const part of transform.transform(event)) {
          started = true;
          yield part;
        }
      }
      if (!stopped) {
        throw new UpstreamError({ provider, upstreamStatus: 502, type: 'upstream_error', code: 'upstream_incomplete', message: `${provider}: the stream ended before messageStop.` });
      }
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      const failure = createBedrockUpstreamError(provider, error, options.redact);
      if (!started) throw failure;
      yield { type: 'error', error: failure };
      completed = true;
      return;
    }
    yield* transform.flush();
    completed = true;
  } finally {
    if (!completed) options.abortUpstream();
  }
}
