import { describe, expect, it } from 'vitest';
import { peekAsyncIterable } from './peek-async-iterable.js';

describe('peekAsyncIterable', () => {
  it('rejects when the source fails before its first value', async () => {
    async function* failing(): AsyncGenerator<number> {
      throw new Error('before output');
    }
    await expect(peekAsyncIterable(failing())).rejects.toThrow('before output');
  });

  it('replays the first value, then the rest, and surfaces later failures while iterating', async () => {
    async function* source(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      throw new Error('mid-stream');
    }
    const iterable = await peekAsyncIterable(source());
    const seen: number[] = [];
    await expect((async () => {
      for await (const value of iterable) seen.push(value);
    })()).rejects.toThrow('mid-stream');
    expect(seen).toEqual([1, 2]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        closed = true;
      }
    }
    const iterable = await peekAsyncIterable(source());
    for await (const value of iterable) if (value === 2) break;
    expect(closed).toBe(true);
  });

  it('handles an empty source', async () => {
    async function* empty(): AsyncGenerator<number> {}
    const values: number[] = [];
    for await (const value of await peekAsyncIterable(empty())) values.push(value);
    expect(values).toEqual([]);
  });
});
