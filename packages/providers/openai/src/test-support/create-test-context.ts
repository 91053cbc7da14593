import type { AdapterContext, Warning } from '@switchyard/core';

/** An adapter context for tests, with its own abort controller and warning list. */
export function createTestContext(overrides: Partial<Pick<AdapterContext, 'requestId' | 'upstreamModel'>> = {}): AdapterContext & {
  readonly controller: AbortController;
  readonly warnings: Warning[];
} {
  const controller = new AbortController();
  return {
    controller,
    signal: controller.signal,
    requestId: overrides.requestId ?? 'req_test_1',
    upstreamModel: overrides.upstreamModel ?? 'gpt-4o-mini',
    warnings: [],
  };
}

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

/** Resolves with what a promise rejected with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Narrows a handler result to the async iterable branch, failing the test otherwise. */
export function asStream<T>(value: unknown): AsyncIterable<T> {
  if (typeof value !== 'object' || value === null || !(Symbol.asyncIterator in value)) throw new Error('expected an event stream');
  return value as AsyncIterable<T>;
}
