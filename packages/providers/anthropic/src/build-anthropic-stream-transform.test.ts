import type { StreamPart } from '@switchyard/core';
import type { ParseResult } from '@switchyard/provider-utils';
import { loadAnthropicFixture, parseSseText, type AnthropicFixtureName } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import type { AnthropicStreamEvent } from './anthropic-api.js';
import { decodeAnthropicReasoning } from './anthropic-reasoning-codec.js';
import { buildAnthropicStreamTransform } from './build-anthropic-stream-transform.js';

const redact = (text: string): string => text;

async function* fromArray(events: ReadonlyArray<ParseResult<AnthropicStreamEvent>>): AsyncGenerator<ParseResult<AnthropicStreamEvent>> {
  yield* events;
}

const ok = (value: unknown): ParseResult<AnthropicStreamEvent> => ({ success: true, value: value as AnthropicStreamEvent });

function fixtureEvents(name: AnthropicFixtureName): Array<ParseResult<AnthropicStreamEvent>> {
  return parseSseText(loadAnthropicFixture(name)).map((record) => ok(JSON.parse(record.data)));
}

async function run(events: ReadonlyArray<ParseResult<AnthropicStreamEvent>>, structuredOutputToolName?: string): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  const transform = buildAnthropicStreamTransform({ provider: 'anthropic', redact, structuredOutputToolName });
  for await (const part of transform(fromArray(events))) parts.push(part);
  return parts;
}

describe('buildAnthropicStreamTransform', () => {
  it('turns the documented text stream into parts, ignoring ping', async () => {
    expect(await run(fixtureEvents('anthropic-text.sse'))).toEqual([
      { type: 'response-metadata', id: 'msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY', modelId: 'claude-3-5-sonnet-20241022' },
      { type: 'text-start', id: 'text_0' },
      { type: 'text-delta', id: 'text_0', delta: 'Hello' },
      { type: 'text-delta', id: 'text_0', delta: '!' },
      { type: 'text-end', id: 'text_0' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: 25, outputTokens: 15, totalTokens: 40 } },
    ]);
  });

  it('streams tool input and ends it with a tool-call (documented tool-use stream)', async () => {
    const parts = await run(fixtureEvents('anthropic-tool-use.sse'));
    expect(parts.filter((part) => part.type.startsWith('tool'))).toEqual([
      { type: 'tool-input-start', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', toolName: 'get_weather' },
      { type: 'tool-input-delta', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', delta: '{"location":' },
      { type: 'tool-input-delta', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', delta: ' "San Francisco, CA", "unit": "fahrenheit"}' },
      { type: 'tool-input-end', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6' },
      { type: 'tool-call', toolCallId: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', toolName: 'get_weather', input: '{"location": "San Francisco, CA", "unit": "fahrenheit"}' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' } });
  });

  it('streams thinking as reasoning and keeps the exact block, signature included, as encryptedContent', async () => {
    const parts = await run(fixtureEvents('anthropic-thinking.sse'));
    expect(parts.slice(1, 4).map((part) => part.type)).toEqual(['reasoning-start', 'reasoning-delta', 'reasoning-delta']);
    const end = parts.find((part) => part.type === 'reasoning-end');
    const encrypted = end?.type === 'reasoning-end' ? end.encryptedContent : undefined;
    expect(encrypted?.startsWith('anthropic:')).toBe(true);
    expect(decodeAnthropicReasoning(encrypted ?? '')).toEqual({
      type: 'thinking',
      thinking: 'Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3',
      signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds',
    });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: 48, outputTokens: 91, totalTokens: 139 } });
  });

  it('invents no usage when the stream reports none', async () => {
    const parts = await run([
      ok({ type: 'message_start', message: { id: 'msg_4', model: 'claude' } }),
      ok({ type: 'message_delta', delta: { stop_reason: 'end_turn' } }),
      ok({ type: 'message_stop' }),
    ]);
    expect(parts).toEqual([
      { type: 'response-metadata', id: 'msg_4', modelId: 'claude' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: undefined, outputTokens: undefined } },
    ]);
  });

  it('ends with an error part when an error event arrives after output began', async () => {
    const parts = await run(fixtureEvents('anthropic-error.sse'));
    const last = parts.at(-1);
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-start', 'text-delta', 'error']);
    expect(last?.type === 'error' ? { status: last.error.status, code: last.error.code, retryable: last.error.isRetryable } : undefined).toEqual({
      status: 503,
      code: 'overloaded_error',
      retryable: true,
    });
  });

  it('throws when the error arrives before any block (so the gateway can retry)', async () => {
    const events = [
      ok({ type: 'message_start', message: { id: 'msg_1', model: 'claude', usage: { input_tokens: 3, output_tokens: 1 } } }),
      ok({ type: 'ping' }),
      ok({ type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' } }),
    ];
    await expect(run(events)).rejects.toMatchObject({ status: 429, code: 'rate_limit_error', message: 'anthropic reported an error: Slow down' });
  });

  it('fails a stream that ends before message_stop, and one with an unreadable event', async () => {
    const cut = fixtureEvents('anthropic-text.sse').slice(0, 5);
    expect((await run(cut)).at(-1)).toMatchObject({ type: 'error', error: { status: 502, code: 'upstream_stream_incomplete' } });
    const garbled = [...fixtureEvents('anthropic-text.sse').slice(0, 3), { success: false, error: { kind: 'invalid-json', message: 'not JSON' } } as const];
    expect((await run(garbled)).at(-1)).toMatchObject({ type: 'error', error: { status: 502, code: 'upstream_invalid_response' } });
  });

  it('keeps redacted thinking opaque and whole', async () => {
    const parts = await run([
      ok({ type: 'message_start', message: { id: 'msg_2', model: 'claude' } }),
      ok({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' } }),
      ok({ type: 'content_block_stop', index: 0 }),
      ok({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } }),
      ok({ type: 'message_stop' }),
    ]);
    const end = parts.find((part) => part.type === 'reasoning-end');
    expect(decodeAnthropicReasoning(end?.type === 'reasoning-end' ? (end.encryptedContent ?? '') : '')).toEqual({ type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' });
  });

  it('shows the forced JSON-output tool as text and finishes with stop', async () => {
    const parts = await run(
      [
        ok({ type: 'message_start', message: { id: 'msg_3', model: 'claude', usage: { input_tokens: 10, cache_read_input_tokens: 90, cache_creation_input_tokens: 0, output_tokens: 1 } } }),
        ok({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_9', name: 'person', input: {} } }),
        ok({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"name":' } }),
        ok({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '"Ada"}' } }),
        ok({ type: 'content_block_stop', index: 0 }),
        ok({ type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 8 } }),
        ok({ type: 'message_stop' }),
      ],
      'person',
    );
    expect(parts.slice(1)).toEqual([
      { type: 'text-start', id: 'tool_use_0' },
      { type: 'text-delta', id: 'tool_use_0', delta: '{"name":' },
      { type: 'text-delta', id: 'tool_use_0', delta: '"Ada"}' },
      { type: 'text-end', id: 'tool_use_0' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'tool_use' },
        usage: { inputTokens: 100, cachedInputTokens: 90, cacheWriteTokens: 0, outputTokens: 8, totalTokens: 108 },
      },
    ]);
  });
});
