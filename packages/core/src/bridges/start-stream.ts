/**
 * Reads the first item of a stream before handing it on, so that a failure before any output
 * rejects the returned promise (the gateway can still retry, fall back or answer with a status)
 * instead of surfacing mid-response. The rest is relayed lazily; stopping early releases the source.
 */
export async function startStream<T>(stream: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return relay(first, iterator);
}

async function* relay<T>(first: IteratorResult<T>, iterator: AsyncIterator<T>): AsyncGenerator<T, void, undefined> {
  let finished = first.done === true;
  try {
    if (finished) return;
    yield first.value as T;
    while (true) {
      const next = await iterator.next();
      if (next.done === true) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) await iterator.return?.();
  }
}
