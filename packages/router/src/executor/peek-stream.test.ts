import { GatewayError, type StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../errors/classify-error.js';
import { peekStreamParts } from './peek-stream.js';
import { collect } from '../test-support/collect.js';

const metadata: StreamPart = { type: 'response-metadata', id: 'up_1' };
const start: StreamPart = { type: 'text-start', id: 't' };
const delta: StreamPart = { type: 'text-delta', id: 't', delta: 'hi' };
const finish: StreamPart = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: 1, outputTokens: 1 } };
const blocked: StreamPart = { type: 'finish', finishReason: { unified: 'content-filter', raw: 'SAFETY' }, usage: { inputTokens: 1, outputTokens: 0 } };
const upstreamError = new GatewayError({ status: 503, type: 'service_unavailable', message: 'overloaded' });

/** A source that records how far it was read and whether it was closed. */
function source(steps: ReadonlyArray<StreamPart | Error>): { stream: AsyncIterable<StreamPart>; read: () => number; closed: () => boolean } {
  let read = 0;
  let closed = false;
  async function* generate(): AsyncGenerator<StreamPart> {
    try {
      for (const step of steps) {
        read += 1;
        if (step instanceof Error) throw step;
        yield step;
      }
    } finally {
      closed = true;
    }
  }
  return { stream: generate(), read: () => read, closed: () => closed };
}

describe('peekStreamParts', () => {
  it('reads up to the first output part only, then replays everything', async () => {
    const upstream = source([metadata, start, delta, finish]);
    const peeked = await peekStreamParts(upstream.stream);
    expect(upstream.read()).toBe(2);
    expect(await collect(peeked)).toEqual([metadata, start, delta, finish]);
    expect(upstream.closed()).toBe(true);
  });

  it.each<[string, ReadonlyArray<StreamPart | Error>]>([
    ['a throw before output', [metadata, upstreamError]],
    ['an error part before output', [metadata, { type: 'error', error: upstreamError }]],
  ])('rejects on %s and closes the source', async (_name, steps) => {
    const upstream = source(steps);
    await expect(peekStreamParts(upstream.stream)).rejects.toBe(upstreamError);
    expect(upstream.closed()).toBe(true);
  });

  it('passes an error after output through to the consumer', async () => {
    const upstream = source([start, { type: 'error', error: upstreamError }]);
    const peeked = await peekStreamParts(upstream.stream);
    expect(await collect(peeked)).toEqual([start, { type: 'error', error: upstreamError }]);
  });

  it('resolves a stream that ends without output', async () => {
    expect(await collect(await peekStreamParts(source([metadata]).stream))).toEqual([metadata]);
  });

  it('closes the source when the consumer stops early', async () => {
    const upstream = source([start, delta, delta, finish]);
    const peeked = await peekStreamParts(upstream.stream);
    for await (const part of peeked) if (part.type === 'text-delta') break;
    expect(upstream.closed()).toBe(true);
    expect(upstream.read()).toBe(2);
  });

  it('turns a stream blocked before any output into a content-policy error when asked', async () => {
    const error = await peekStreamParts(source([metadata, blocked]).stream, { blockedAsError: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'content_filter' });
    expect(classifyError(error)).toBe('content_policy');
    // Off by default, and never after output began.
    expect(await collect(await peekStreamParts(source([metadata, blocked]).stream))).toEqual([metadata, blocked]);
    expect(await collect(await peekStreamParts(source([start, blocked]).stream, { blockedAsError: true }))).toEqual([start, blocked]);
  });
});
