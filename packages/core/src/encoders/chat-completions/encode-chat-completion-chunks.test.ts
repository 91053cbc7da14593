import type { CreateChatCompletionStreamResponse } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testChatOptions } from '../test-support/encoder-options.js';
import { collectAll, streamParts } from '../test-support/stream-parts.js';
import { collectChatCompletion } from './collect-chat-completion.js';
import { encodeChatCompletionChunks } from './encode-chat-completion-chunks.js';

/** Runs the encoder, keeping the chunks produced before an error and the error itself. */
async function encode(
  parts: readonly StreamPart[] | AsyncIterable<StreamPart>,
  options = testChatOptions(),
): Promise<{ chunks: CreateChatCompletionStreamResponse[]; error: unknown }> {
  const chunks: CreateChatCompletionStreamResponse[] = [];
  try {
    const source = Symbol.asyncIterator in parts ? parts : streamParts(parts);
    for await (const chunk of encodeChatCompletionChunks(source, options)) chunks.push(chunk);
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error };
  }
}

function accumulatedText(chunks: readonly CreateChatCompletionStreamResponse[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

describe('encodeChatCompletionChunks', () => {
  describe.each(streamPartScenarios)('$name', (scenario) => {
    it('produces the expected chunks', async () => {
      const { chunks, error } = await encode(scenario.parts);
      expect({ chunks, error: error === undefined ? undefined : String(error) }).toMatchSnapshot();
    });

    it('keeps id, created, model and object on every chunk and opens with the assistant role', async () => {
      const { chunks } = await encode(scenario.parts);
      for (const chunk of chunks) {
        expect(chunk).toMatchObject({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_760_000_000, model: 'groq/llama-3.3-70b' });
      }
      expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
      expect(accumulatedText(chunks)).toBe(scenario.expected.text);
    });

    it('ends with a finish chunk and a usage chunk, or fails with a GatewayError', async () => {
      const { chunks, error } = await encode(scenario.parts);
      if (scenario.expected.ending === 'failed') {
        expect(GatewayError.isInstance(error)).toBe(true);
        expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason != null)).toBe(false);
        await expect(collectChatCompletion(streamParts(scenario.parts), testChatOptions())).rejects.toBeInstanceOf(GatewayError);
        return;
      }
      expect(error).toBeUndefined();
      const finishIndex = chunks.findIndex((chunk) => chunk.choices[0]?.finish_reason != null);
      expect(chunks[finishIndex]?.choices[0]?.delta).toEqual({});
      const trailing = chunks.slice(finishIndex + 1);
      if (scenario.name === 'unknown usage') {
        expect(trailing).toEqual([]);
      } else {
        expect(trailing).toHaveLength(1);
        expect(trailing[0]?.choices).toEqual([]);
        expect(trailing[0]?.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 });
      }
      for (const chunk of chunks.slice(0, finishIndex + 1)) expect(chunk.usage).toBeNull();
    });

    it.skipIf(scenario.expected.ending === 'failed')('collects a chat.completion that agrees with the chunks', async () => {
      const { chunks } = await encode(scenario.parts);
      const completion = await collectChatCompletion(streamParts(scenario.parts), testChatOptions());
      expect(completion).toMatchSnapshot();
      const choice = completion.choices[0]!;
      expect(choice.finish_reason).toBe(chunks.find((chunk) => chunk.choices[0]?.finish_reason != null)?.choices[0]?.finish_reason);
      expect(choice.message.content ?? '').toBe(scenario.expected.text);
      expect(choice.message.refusal).toBe(scenario.expected.refusal ?? null);
      const calls = (choice.message.tool_calls ?? []).map((call) =>
        call.type === 'function' ? { callId: call.id, name: call.function.name, arguments: call.function.arguments } : undefined,
      );
      expect(calls).toEqual(scenario.expected.toolCalls);
      expect(completion.usage).toEqual(chunks.at(-1)?.usage ?? undefined);
    });
  });

  it('omits usage fields entirely when include_usage is off', async () => {
    const { chunks } = await encode(streamPartScenarios[0]!.parts, testChatOptions({ includeUsage: false }));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk).not.toHaveProperty('usage');
  });

  it('leaves reasoning out by default and exposes it as reasoning_content on request', async () => {
    const scenario = streamPartScenarios.find((candidate) => candidate.name === 'reasoning summary then text')!;
    const plain = await encode(scenario.parts);
    expect(JSON.stringify(plain.chunks)).not.toContain('Think');
    const deepSeekStyle = await encode(scenario.parts, testChatOptions({ reasoningField: 'reasoning_content' }));
    const reasoning = deepSeekStyle.chunks.map((chunk) => (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? '');
    expect(reasoning.join('')).toBe('Think first.');
    const completion = await collectChatCompletion(streamParts(scenario.parts), testChatOptions({ reasoningField: 'reasoning_content' }));
    expect(completion.choices[0]?.message).toMatchObject({ content: 'Answer.', reasoning_content: 'Think first.' });
  });

  it('maps finish reasons', async () => {
    const finishWith = (unified: 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'refusal' | 'other'): StreamPart[] => [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'x' },
      { type: 'finish', finishReason: { unified, raw: undefined }, usage: { inputTokens: 1, outputTokens: 1 } },
    ];
    const reasons = await Promise.all(
      (['stop', 'length', 'content-filter', 'tool-calls', 'refusal', 'other'] as const).map(
        async (unified) => (await collectChatCompletion(streamParts(finishWith(unified)), testChatOptions())).choices[0]?.finish_reason,
      ),
    );
    expect(reasons).toEqual(['stop', 'length', 'content_filter', 'tool_calls', 'stop', 'stop']);
  });

  it('fails on a provider-reported error stop', async () => {
    const parts: StreamPart[] = [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'x' },
      { type: 'finish', finishReason: { unified: 'error', raw: 'MALFORMED_FUNCTION_CALL' }, usage: { inputTokens: 1, outputTokens: 1 } },
    ];
    const { error } = await encode(parts);
    expect(error).toMatchObject({ status: 502, type: 'upstream_error', message: expect.stringContaining('MALFORMED_FUNCTION_CALL') });
  });

  it('propagates a source error thrown before the first part, producing no chunk', async () => {
    const failure = new GatewayError({ status: 401, type: 'authentication_error', message: 'bad key' });
    async function* failing(): AsyncGenerator<StreamPart> {
      throw failure;
    }
    const { chunks, error } = await encode(failing());
    expect(chunks).toEqual([]);
    expect(error).toBe(failure);
  });

  it('wraps a non-GatewayError thrown after output in a neutral 502 GatewayError', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'text-start', id: 't' };
      yield { type: 'text-delta', id: 't', delta: 'x' };
      throw new Error('socket hang up at 10.0.0.3');
    }
    const { chunks, error } = await encode(failing());
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content)).toEqual(['', 'x']);
    expect(GatewayError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, type: 'upstream_error' });
    expect((error as Error).message).not.toContain('10.0.0.3');
  });

  it('releases the source after finish', async () => {
    let released = false;
    const scenario = streamPartScenarios.find((candidate) => candidate.name === 'parts after finish are ignored')!;
    async function* source(): AsyncGenerator<StreamPart> {
      try {
        yield* scenario.parts;
      } finally {
        released = true;
      }
    }
    const { error } = await encode(source());
    expect(error).toBeUndefined();
    expect(released).toBe(true);
  });
});
