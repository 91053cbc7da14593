import type { AdapterContext, GenerateFunction, StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../errors/classify-error.js';
import { withBlockedOutputAsError } from './with-blocked-output-as-error.js';
import { collect } from '../test-support/collect.js';

const usage = { inputTokens: 3, outputTokens: 0 };
const refusal: StreamPart = { type: 'finish', finishReason: { unified: 'refusal', raw: 'refusal' }, usage };
const text: StreamPart[] = [
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hi' },
  { type: 'text-end', id: 't' },
  { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage },
];
const context = { signal: new AbortController().signal, requestId: 'req_1', upstreamModel: 'm', warnings: [] } satisfies AdapterContext;

class FakeAdapter {
  readonly provider = 'anthropic';
  readonly operations = {};
  constructor(readonly parts: StreamPart[]) {}
  // A method on the prototype that uses `this`, as real adapters do.
  readonly generate: GenerateFunction = async () => this.stream();
  async *stream(): AsyncGenerator<StreamPart> {
    yield* this.parts;
  }
  label(): string {
    return `adapter of ${this.provider}`;
  }
}

describe('withBlockedOutputAsError', () => {
  it('rejects a stream refused before any output with a content-policy error', async () => {
    const adapter = withBlockedOutputAsError(new FakeAdapter([{ type: 'response-metadata', id: 'msg_1' }, refusal]));
    const error = await adapter.generate({ body: { model: 'm', input: 'x' }, stream: false }, context).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'content_filter' });
    expect(classifyError(error)).toBe('content_policy');
  });

  it('passes a normal answer through and keeps the adapter’s other methods', async () => {
    const adapter = withBlockedOutputAsError(new FakeAdapter(text));
    expect(await collect(await adapter.generate({ body: { model: 'm', input: 'x' }, stream: true }, context))).toEqual(text);
    expect(adapter.label()).toBe('adapter of anthropic');
  });

  it('leaves an adapter without generate as it is', () => {
    const adapter: { provider: string; generate?: GenerateFunction } = { provider: 'openai' };
    expect(withBlockedOutputAsError(adapter)).toBe(adapter);
  });
});
