import type { StreamPart } from '../../parts/stream-part.js';

/** One step of reading the part source: a part, its end, or the error it threw. */
export type PartPull =
  | { readonly kind: 'part'; readonly part: StreamPart }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly error: unknown };

/** Reads the next part without letting the source's error escape, so encoders can place it. */
export async function pullPart(iterator: AsyncIterator<StreamPart>): Promise<PartPull> {
  try {
    const result = await iterator.next();
    return result.done === true ? { kind: 'end' } : { kind: 'part', part: result.value };
  } catch (error) {
    return { kind: 'error', error };
  }
}
