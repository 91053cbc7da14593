/** An operation's result is a stream when it is async-iterable (a JSON body never is). */
export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
