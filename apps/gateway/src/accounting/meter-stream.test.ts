import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { meterStream, type MeteredStreamEnd } from './meter-stream.js';

async function* eventsOf(events: readonly unknown[], failure?: Error): AsyncGenerator<unknown> {
  for (const event of events) yield event;
  if (failure !== undefined) throw failure;
}

function metered(events: readonly unknown[], failure?: Error): { stream: AsyncGenerator<unknown>; ends: MeteredStreamEnd[] } {
  const ends: MeteredStreamEnd[] = [];
  return { stream: meterStream(eventsOf(events, failure), 12, (end) => ends.push(end)), ends };
}

const completed = {
  type: 'response.completed',
  response: { usage: { input_tokens: 30, output_tokens: 7, input_tokens_details: { cached_tokens: 10 }, output_tokens_details: { reasoning_tokens: 2 } } },
};

describe('meterStream', () => {
  it('passes every event through and bills the usage of the terminal event once', async () => {
    const events = [{ type: 'response.output_text.delta', delta: 'hello' }, completed];
    const { stream, ends } = metered(events);
    const seen: unknown[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen).toEqual(events);
    expect(ends).toEqual([{ usage: { inputTokens: 30, cachedInputTokens: 10, outputTokens: 7, reasoningTokens: 2 }, status: 'completed', errorCode: null }]);
  });

  it('bills a stream without usage at the input estimate and one output token per four characters', async () => {
    const { stream, ends } = metered([{ choices: [{ delta: { content: 'abcdefghi' } }] }]);
    for await (const event of stream) expect(event).toBeDefined();
    expect(ends).toEqual([{ usage: { inputTokens: 12, cachedInputTokens: 0, outputTokens: 3, reasoningTokens: 0 }, status: 'completed', errorCode: null }]);
  });

  it('records a failed stream with the error code and rethrows the error', async () => {
    const failure = new GatewayError({ status: 502, message: 'upstream went away', type: 'server_error', code: 'upstream_disconnected' });
    const { stream, ends } = metered([{ type: 'response.output_text.delta', delta: 'abcd' }], failure);
    await expect(async () => {
      for await (const event of stream) expect(event).toBeDefined();
    }).rejects.toBe(failure);
    expect(ends).toEqual([{ usage: { inputTokens: 12, cachedInputTokens: 0, outputTokens: 1, reasoningTokens: 0 }, status: 'failed', errorCode: 'upstream_disconnected' }]);
  });

  it('records a stream its consumer stopped reading as cancelled, and one with a terminal event by that event', async () => {
    const cut = metered([{ type: 'response.output_text.delta', delta: 'abcd' }, completed]);
    for await (const event of cut.stream) {
      expect(event).toBeDefined();
      break;
    }
    expect(cut.ends).toMatchObject([{ status: 'cancelled', errorCode: null }]);

    const incomplete = metered([{ type: 'response.incomplete', response: {} }, { type: 'response.output_text.delta', delta: 'late' }]);
    for await (const event of incomplete.stream) {
      expect(event).toBeDefined();
      break;
    }
    expect(incomplete.ends).toMatchObject([{ status: 'incomplete', errorCode: null }]);
  });
});
