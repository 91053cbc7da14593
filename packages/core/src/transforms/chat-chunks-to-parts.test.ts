import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../errors/upstream-error.js';
import { chatChunksToParts } from './chat-chunks-to-parts.js';
import { chunk, collect, comparable, fromArray, usageChunk } from './test-support/chat-chunk-builders.js';

const run = async (chunks: Parameters<typeof fromArray>[0], failAfter?: Error) =>
  comparable(await collect(chatChunksToParts(fromArray(chunks, failAfter) as never, { provider: 'acme' })));

describe('chatChunksToParts', () => {
  it('turns a text stream with a trailing usage chunk into parts', async () => {
    expect(
      await run([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Hel' }),
        chunk({ content: 'lo' }),
        chunk({}, 'stop'),
        usageChunk({
          prompt_tokens: 10,
          completion_tokens: 2,
          total_tokens: 12,
          prompt_tokens_details: { cached_tokens: 4 },
          completion_tokens_details: { reasoning_tokens: 0 },
        }),
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "text-0",
          "type": "text-start",
        },
        {
          "delta": "Hel",
          "id": "text-0",
          "type": "text-delta",
        },
        {
          "delta": "lo",
          "id": "text-0",
          "type": "text-delta",
        },
        {
          "id": "text-0",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "type": "finish",
          "usage": {
            "cacheWriteTokens": undefined,
            "cachedInputTokens": 4,
            "inputTokens": 10,
            "outputTokens": 2,
            "reasoningTokens": 0,
            "totalTokens": 12,
          },
        },
      ]
    `);
  });

  it('emits reasoning_content (DeepSeek) and reasoning (Groq) as content reasoning before text', async () => {
    expect(
      await run([
        chunk({ role: 'assistant', reasoning_content: 'Think' }),
        chunk({ reasoning: 'ing.' }),
        chunk({ content: 'Answer' }),
        chunk({}, 'stop'),
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "reasoning-0",
          "kind": "content",
          "type": "reasoning-start",
        },
        {
          "delta": "Think",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "delta": "ing.",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-end",
        },
        {
          "id": "text-1",
          "type": "text-start",
        },
        {
          "delta": "Answer",
          "id": "text-1",
          "type": "text-delta",
        },
        {
          "id": "text-1",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "type": "finish",
          "usage": {
            "inputTokens": undefined,
            "outputTokens": undefined,
          },
        },
      ]
    `);
  });

  it('accumulates tool-call arguments split over many chunks', async () => {
    const parts = await run([
      chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } }] }),
      ...['{"ci', 'ty":', '"Par', 'is"}'].map((piece) => chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })),
      chunk({}, 'tool_calls'),
    ]);
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "call_1",
          "toolName": "weather",
          "type": "tool-input-start",
        },
        {
          "delta": "{"ci",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "delta": "ty":",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "delta": ""Par",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "delta": "is"}",
          "id": "call_1",
          "type": "tool-input-delta",
        },
        {
          "id": "call_1",
          "type": "tool-input-end",
        },
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "call_1",
          "toolName": "weather",
          "type": "tool-call",
        },
        {
          "finishReason": {
            "raw": "tool_calls",
            "unified": "tool-calls",
          },
          "type": "finish",
          "usage": {
            "inputTokens": undefined,
            "outputTokens": undefined,
          },
        },
      ]
    `);
  });

  it('keeps interleaved parallel tool calls apart by index', async () => {
    const parts = await run([
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '{"tz":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '"CET"}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(parts.filter((part) => (part as { type: string }).type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'weather', input: '{"city":"Paris"}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'time', input: '{"tz":"CET"}' },
    ]);
    expect(parts.map((part) => (part as { type: string }).type)).toEqual([
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
  });

  it('closes a call when a server reuses index 0 for the next call, and sends whole calls in one chunk', async () => {
    const parts = await run([
      chunk({ content: 'Let me check.' }),
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'call_b', type: 'function', function: { name: 'g', arguments: '' } }] }),
      chunk({}, 'stop'),
    ]);
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "text-0",
          "type": "text-start",
        },
        {
          "delta": "Let me check.",
          "id": "text-0",
          "type": "text-delta",
        },
        {
          "id": "text-0",
          "type": "text-end",
        },
        {
          "id": "call_a",
          "toolName": "f",
          "type": "tool-input-start",
        },
        {
          "delta": "{"a":1}",
          "id": "call_a",
          "type": "tool-input-delta",
        },
        {
          "id": "call_a",
          "type": "tool-input-end",
        },
        {
          "input": "{"a":1}",
          "toolCallId": "call_a",
          "toolName": "f",
          "type": "tool-call",
        },
        {
          "id": "call_b",
          "toolName": "g",
          "type": "tool-input-start",
        },
        {
          "id": "call_b",
          "type": "tool-input-end",
        },
        {
          "input": "{}",
          "toolCallId": "call_b",
          "toolName": "g",
          "type": "tool-call",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "tool-calls",
          },
          "type": "finish",
          "usage": {
            "inputTokens": undefined,
            "outputTokens": undefined,
          },
        },
      ]
    `);
  });

  it('maps refusals and finish reasons', async () => {
    expect(await run([chunk({ refusal: 'No.' }), chunk({}, 'content_filter')])).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "refusal-0",
          "type": "refusal-start",
        },
        {
          "delta": "No.",
          "id": "refusal-0",
          "type": "refusal-delta",
        },
        {
          "id": "refusal-0",
          "type": "refusal-end",
        },
        {
          "finishReason": {
            "raw": "content_filter",
            "unified": "content-filter",
          },
          "type": "finish",
          "usage": {
            "inputTokens": undefined,
            "outputTokens": undefined,
          },
        },
      ]
    `);
    const length = await run([chunk({ content: 'x' }), chunk({}, 'length')]);
    expect(length.at(-1)).toMatchObject({ finishReason: { unified: 'length', raw: 'length' } });
  });

  it('reads Groq usage from x_groq', async () => {
    const parts = await run([chunk({ content: 'x' }), chunk({}, 'stop', { x_groq: { usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } } })]);
    expect(parts.at(-1)).toMatchObject({ usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 } });
  });

  it('reports unknown usage when the server sends none', async () => {
    const parts = await run([chunk({ content: 'x' }), chunk({}, 'stop')]);
    expect(parts.at(-1)).toMatchObject({ usage: { inputTokens: undefined, outputTokens: undefined } });
  });

  it('turns an error payload after output into an error part', async () => {
    expect(
      await run([chunk({ content: 'Hi' }), { error: { message: 'Provider overloaded', code: 503 } } as never]),
    ).toMatchInlineSnapshot(`
      [
        {
          "createdAt": 1700000000,
          "id": "chatcmpl-1",
          "modelId": "test-model",
          "type": "response-metadata",
        },
        {
          "id": "text-0",
          "type": "text-start",
        },
        {
          "delta": "Hi",
          "id": "text-0",
          "type": "text-delta",
        },
        {
          "code": null,
          "message": "Provider overloaded",
          "status": 503,
          "type": "error",
        },
      ]
    `);
  });

  it('throws an error payload that arrives before any output', async () => {
    await expect(run([{ error: { message: 'Rate limited', code: 429, type: 'rate_limit' } } as never])).rejects.toMatchObject({
      status: 429,
      message: 'Rate limited',
      isRetryable: true,
    });
  });

  it('turns a cut connection after output into an error part, and throws it before output', async () => {
    const cut = new UpstreamError({ provider: 'acme', upstreamStatus: 0, message: 'socket closed', code: 'upstream_connection_error' });
    const parts = await run([chunk({ content: 'Hi' })], cut);
    expect(parts.at(-1)).toEqual({ type: 'error', status: 502, code: 'upstream_connection_error', message: 'socket closed' });
    await expect(run([], cut)).rejects.toBe(cut);
  });

  it('reports a stream that ends without a finish reason', async () => {
    const parts = await run([chunk({ content: 'Hi' })]);
    expect(parts.map((part) => (part as { type: string }).type)).toEqual(['response-metadata', 'text-start', 'text-delta', 'error']);
  });
});
