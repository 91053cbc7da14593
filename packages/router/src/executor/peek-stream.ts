import { GatewayError, type StreamPart } from '@switchyard/core';

export interface PeekStreamOptions<T> {
  /** Whether a part is output the client will see (default for `StreamPart`: anything but `response-metadata`). */
  readonly isOutput: (part: T) => boolean;
  /** The error carried by an error part, which is thrown when it comes before any output. */
  readonly errorOf?: ((part: T) => unknown) | undefined;
}

/**
 * Reads `source` until its first output part, so that an attempt can fail (and fall back) before a
 * byte reaches the client: resolves with a stream replaying the parts read so far and then the rest;
 * rejects (and closes the source) when the source throws, or yields an error part, before any output.
 * A source that ends without output resolves (an empty answer is still an answer).
 */
export async function peekStream<T>(source: AsyncIterable<T>, options: PeekStreamOptions<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: T[] = [];
  let done = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) {
        done = true;
        break;
      }
      const error = options.errorOf?.(next.value);
      if (error !== undefined) throw error;
      buffered.push(next.value);
      if (options.isOutput(next.value)) break;
    }
  } catch (error) {
    await iterator.return?.().catch(() => undefined);
    throw error;
  }
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* buffered;
        if (done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done === true) return;
          yield next.value;
        }
      } finally {
        // The consumer stopped early (client gone): release the upstream.
        await iterator.return?.().catch(() => undefined);
      }
    },
  };
}

export interface PeekStreamPartsOptions {
  /**
   * Treat a stream whose first output part is a `finish` with reason `content-filter` or `refusal`
   * (blocked before producing anything) as a content-policy error, so the executor falls back to
   * another provider. Off by default: without a fallback the client then gets a 400 instead of an
   * empty, incomplete answer.
   */
  readonly blockedAsError?: boolean | undefined;
}

function blockedError(part: StreamPart): GatewayError | undefined {
  if (part.type !== 'finish' || (part.finishReason.unified !== 'content-filter' && part.finishReason.unified !== 'refusal')) return undefined;
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'content_filter',
    message: `The provider blocked the request before producing output (${part.finishReason.raw ?? part.finishReason.unified}).`,
  });
}

/** `peekStream` for canonical stream parts: metadata is not output; an `error` part before output is thrown. */
export function peekStreamParts(source: AsyncIterable<StreamPart>, options: PeekStreamPartsOptions = {}): Promise<AsyncIterable<StreamPart>> {
  return peekStream(source, {
    isOutput: (part) => part.type !== 'response-metadata',
    errorOf: (part) => (part.type === 'error' ? part.error : options.blockedAsError === true ? blockedError(part) : undefined),
  });
}
