import type { StreamPart } from '../../parts/stream-part.js';

/** Replays parts as the async iterable an adapter would return. */
export async function* streamParts(parts: readonly StreamPart[]): AsyncGenerator<StreamPart> {
  for (const part of parts) {
    await Promise.resolve();
    yield part;
  }
}

/** Collects an async iterable into an array. */
export async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}
