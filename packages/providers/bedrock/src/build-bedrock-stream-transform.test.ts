import type { StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { BedrockStreamEvent } from './bedrock-api.js';
import { decodeBedrockReasoning } from './bedrock-reasoning-content.js';
import { buildBedrockStreamTransform, type BedrockStreamTransformOptions } from './build-bedrock-stream-transform.js';

function run(events: BedrockStreamEvent[], options: Partial<BedrockStreamTransformOptions> = {}): StreamPart[] {
  const transform = buildBedrockStreamTransform({ modelId: 'm', responseId: 'req-1', ...options });
  return [...events.flatMap((event) => transform.transform(event)), ...transform.flush()];
}
const types = (parts: StreamPart[]) => parts.map((part) => part.type);
const usage = { metadata: { usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 }, metrics: { latencyMs: 1 } } };

describe('buildBedrockStreamTransform', () => {
  it('opens a text block on its first delta and closes it on contentBlockStop', () => {
    const parts = run([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hel' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: '' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'lo' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      usage,
    ]);
    expect(parts).toEqual([
      { type: 'response-metadata', id: 'req-1', modelId: 'm' },
      { type: 'text-start', id: 'text-0' },
      { type: 'text-delta', id: 'text-0', delta: 'Hel' },
      { type: 'text-delta', id: 'text-0', delta: 'lo' },
      { type: 'text-end', id: 'text-0' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } },
    ]);
  });

  it('streams tool input fragments and emits one tool-call with the whole input', () => {
    const parts = run([
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_1', name: 'top_song' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"sign": ' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"WZPZ"}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
    ]);
    expect(parts.slice(1)).toEqual([
      { type: 'tool-input-start', id: 'tooluse_1', toolName: 'top_song' },
      { type: 'tool-input-delta', id: 'tooluse_1', delta: '{"sign": ' },
      { type: 'tool-input-delta', id: 'tooluse_1', delta: '"WZPZ"}' },
      { type: 'tool-input-end', id: 'tooluse_1' },
      { type: 'tool-call', toolCallId: 'tooluse_1', toolName: 'top_song', input: '{"sign": "WZPZ"}' },
      { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { inputTokens: undefined, outputTokens: undefined } },
    ]);
  });

  it('gives a tool use without input deltas the empty object', () => {
    const parts = run([
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'now' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
    ]);
    expect(parts.find((part) => part.type === 'tool-call')).toEqual({ type: 'tool-call', toolCallId: 't', toolName: 'now', input: '{}' });
  });

  it('ends reasoning with encryptedContent that rebuilds the signed block', () => {
    const parts = run([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Think ' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'hard.' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'SIG' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
    ]);
    expect(types(parts)).toEqual(['response-metadata', 'reasoning-start', 'reasoning-delta', 'reasoning-delta', 'reasoning-end', 'finish']);
    const end = parts[4];
    expect(decodeBedrockReasoning(end?.type === 'reasoning-end' ? (end.encryptedContent ?? '') : '')).toEqual({ reasoningText: { text: 'Think hard.', signature: 'SIG' } });
  });

  it('keeps redacted reasoning bytes (no deltas to show)', () => {
    const parts = run([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: new Uint8Array([1, 2]) } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: new Uint8Array([3]) } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
    ]);
    expect(types(parts)).toEqual(['response-metadata', 'reasoning-start', 'reasoning-end', 'finish']);
    const end = parts[2];
    expect(decodeBedrockReasoning(end?.type === 'reasoning-end' ? (end.encryptedContent ?? '') : '')).toEqual({ redactedContent: new Uint8Array([1, 2, 3]) });
  });

  it('streams the forced json_schema tool as text and finishes with stop', () => {
    const parts = run(
      [
        { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'answer' } } } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{"a":' } } } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '1}' } } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: 'tool_use' } },
      ],
      { jsonToolName: 'answer' },
    );
    expect(parts.slice(1)).toEqual([
      { type: 'text-start', id: 'text-0' },
      { type: 'text-delta', id: 'text-0', delta: '{"a":' },
      { type: 'text-delta', id: 'text-0', delta: '1}' },
      { type: 'text-end', id: 'text-0' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'tool_use' }, usage: { inputTokens: undefined, outputTokens: undefined } },
    ]);
  });

  it('closes blocks left open at the end, in index order, before finish', () => {
    const parts = run([
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'b', name: 'x' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'a' } } },
      { messageStop: { stopReason: 'max_tokens' } },
    ]);
    expect(types(parts)).toEqual(['response-metadata', 'tool-input-start', 'text-start', 'text-delta', 'text-end', 'tool-input-end', 'tool-call', 'finish']);
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'length', raw: 'max_tokens' } });
  });

  it('emits response-metadata even for an empty stream, and no id when Bedrock gave none', () => {
    expect(run([], { responseId: undefined })).toEqual([
      { type: 'response-metadata', modelId: 'm' },
      { type: 'finish', finishReason: { unified: 'other', raw: undefined }, usage: { inputTokens: undefined, outputTokens: undefined } },
    ]);
  });
});
