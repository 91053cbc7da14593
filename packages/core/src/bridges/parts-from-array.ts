/** Parts computed at once (from a JSON answer) as the stream the encoders read. */
export async function* partsFromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
