/**
 * Reads the first value of an async iterable before handing it on, so that a failure before
 * the first value rejects this promise (the caller can still retry or fall back) instead of
 * surfacing mid-stream. The returned iterable yields that first value, then the rest, and
 * closes the source when the consumer stops early.
 */
export async function peekAsyncIterable<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* replay(): AsyncGenerator<T, void, undefined> {
    let finished = first.done === true;
    try {
      if (first.done === true) return;
      yield first.value;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
      finished = true;
    } finally {
      if (!finished) await iterator.return?.();
    }
  }
  return replay();
}
