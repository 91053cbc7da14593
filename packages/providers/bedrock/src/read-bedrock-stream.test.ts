import type { StreamPart } from '@switchyard/core';
import { createSecretRedactor } from '@switchyard/provider-utils';
import { describe, expect, it } from 'vitest';
import type { BedrockStreamEvent } from './bedrock-api.js';
import { buildBedrockStreamTransform } from './build-bedrock-stream-transform.js';
import { readBedrockStream } from './read-bedrock-stream.js';

async function* events(items: BedrockStreamEvent[], failure?: Error): AsyncGenerator<BedrockStreamEvent> {
  yield* items;
  if (failure !== undefined) throw failure;
}

function read(items: BedrockStreamEvent[], failure?: Error, signal = new AbortController().signal) {
  const state = { aborted: false };
  const stream = readBedrockStream({
    events: events(items, failure),
    transform: buildBedrockStreamTransform({ modelId: 'm' }),
    provider: 'bedrock',
    redact: createSecretRedactor(['AKIASECRETKEY12345']),
    signal,
    abortUpstream: () => {
      state.aborted = true;
    },
  });
  return { stream, state };
}

async function drain(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const text = (value: string): BedrockStreamEvent => ({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: value } } });
const throttled = Object.assign(new Error('Too many requests for AKIASECRETKEY12345'), { name: 'ThrottlingException' });

describe('readBedrockStream', () => {
  it('throws a failure that arrives before any part', async () => {
    await expect(drain(read([], throttled).stream)).rejects.toMatchObject({ status: 429, message: 'bedrock: ThrottlingException: Too many requests for [REDACTED]' });
  });

  it('turns a failure after output into one error part', async () => {
    const parts = await drain(read([{ messageStart: { role: 'assistant' } }, text('hi')], throttled).stream);
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-start', 'text-delta', 'error']);
    expect(parts.at(-1)).toMatchObject({ error: { status: 429, isRetryable: true } });
  });

  it('treats a stream that ends without messageStop as incomplete', async () => {
    const parts = await drain(read([{ messageStart: { role: 'assistant' } }, text('hi')]).stream);
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 502, code: 'upstream_incomplete' } });
  });

  it('closes the upstream when the reader stops early, not after a complete stream', async () => {
    const early = read([{ messageStart: { role: 'assistant' } }, text('a'), text('b'), { messageStop: { stopReason: 'end_turn' } }]);
    for await (const part of early.stream) if (part.type === 'text-delta') break;
    expect(early.state.aborted).toBe(true);
    const complete = read([{ messageStart: { role: 'assistant' } }, text('a'), { messageStop: { stopReason: 'end_turn' } }]);
    expect((await drain(complete.stream)).at(-1)?.type).toBe('finish');
    expect(complete.state.aborted).toBe(false);
  });

  it('rethrows the caller’s abort reason instead of mapping it', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client left'));
    await expect(drain(read([{ messageStart: { role: 'assistant' } }], new Error('aborted'), controller.signal).stream)).rejects.toThrow('client left');
  });
});
