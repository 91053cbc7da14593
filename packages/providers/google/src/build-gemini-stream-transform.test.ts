import type { StreamPart } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { buildGeminiStreamTransform } from './build-gemini-stream-transform.js';
import type { GeminiGenerateContentResponse } from './gemini-api.js';
import { decodeGeminiReasoning } from './gemini-thought-signature.js';

function run(chunks: GeminiGenerateContentResponse[]): StreamPart[] {
  let counter = 0;
  let callCounter = 0;
  const transform = buildGeminiStreamTransform({ generateId: () => `b${(counter += 1)}`, generateCallId: () => `call_gm_${(callCounter += 1)}` });
  return [...chunks.flatMap((chunk) => transform.transform(chunk)), ...transform.flush()];
}

const decode = (part: StreamPart | undefined) => (part?.type === 'reasoning-end' ? decodeGeminiReasoning(part.encryptedContent) : undefined);

describe('buildGeminiStreamTransform', () => {
  it('turns text chunks into one text block with metadata, finish and usage', () => {
    const parts = run([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] }, index: 0 }], modelVersion: 'gemini-2.5-flash', responseId: 'r1', createTime: '2025-01-01T00:00:00Z' },
      { candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 } },
    ]);
    expect(parts).toEqual([
      { type: 'response-metadata', id: 'r1', modelId: 'gemini-2.5-flash', createdAt: 1_735_689_600 },
      { type: 'text-start', id: 'b1' },
      { type: 'text-delta', id: 'b1', delta: 'Hel' },
      { type: 'text-delta', id: 'b1', delta: 'lo' },
      { type: 'text-end', id: 'b1' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'STOP' }, usage: { inputTokens: 4, cachedInputTokens: undefined, outputTokens: 2, reasoningTokens: undefined, totalTokens: 6 } },
    ]);
  });

  it('keeps thoughts as reasoning and every signature with the part it came on', () => {
    const parts = run([
      { candidates: [{ content: { parts: [{ text: 'Let me think', thought: true }] } }] },
      { candidates: [{ content: { parts: [{ text: 'Answer', thoughtSignature: 'SIG_TEXT' }] } }] },
      { candidates: [{ content: { parts: [{ text: ' more' }] } }] },
      { candidates: [{ content: { parts: [{ functionCall: { name: 'lookup', args: { q: 1 } }, thoughtSignature: 'SIG_CALL' }] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 5, thoughtsTokenCount: 9, cachedContentTokenCount: 2, totalTokenCount: 17 } },
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-start', 'reasoning-delta', 'reasoning-end',
      'reasoning-start', 'reasoning-end',
      'text-start', 'text-delta', 'text-delta', 'text-end',
      'reasoning-start', 'reasoning-end',
      'tool-input-start', 'tool-input-delta', 'tool-input-end', 'tool-call',
      'finish',
    ]);
    expect(decode(parts[3])).toEqual({ attachedTo: { type: 'part', part: { text: 'Let me think', thought: true } } });
    expect(decode(parts[5])).toEqual({ thoughtSignature: 'SIG_TEXT', attachedTo: { type: 'text', side: 'next' } });
    expect(decode(parts[11])).toEqual({ thoughtSignature: 'SIG_CALL', attachedTo: { type: 'functionCall', callId: 'call_gm_1' } });
    expect(parts.at(-2)).toEqual({ type: 'tool-call', toolCallId: 'call_gm_1', toolName: 'lookup', input: '{"q":1}' });
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'STOP' },
      usage: { inputTokens: 3, cachedInputTokens: 2, outputTokens: 14, reasoningTokens: 9, totalTokens: 17 },
    });
  });

  it('puts a late text signature after the text, and keeps a signature-only empty part whole', () => {
    const parts = run([
      { candidates: [{ content: { parts: [{ text: 'A' }] } }] },
      { candidates: [{ content: { parts: [{ text: 'B', thoughtSignature: 'LATE' }] } }] },
      { candidates: [{ content: { parts: [{ text: '', thoughtSignature: 'EMPTY' }] }, finishReason: 'STOP' }] },
    ]);
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-start', 'text-delta', 'text-delta', 'text-end', 'reasoning-start', 'reasoning-end', 'reasoning-start', 'reasoning-end', 'finish']);
    expect(decode(parts[6])).toEqual({ thoughtSignature: 'LATE', attachedTo: { type: 'text', side: 'previous' } });
    expect(decode(parts[8])).toEqual({ attachedTo: { type: 'part', part: { text: '', thoughtSignature: 'EMPTY' } } });
  });

  it('uses the id Gemini gives a function call', () => {
    const parts = run([{ candidates: [{ content: { parts: [{ functionCall: { id: 'fc-7', name: 'f' } }] }, finishReason: 'STOP' }] }]);
    expect(parts).toContainEqual({ type: 'tool-call', toolCallId: 'fc-7', toolName: 'f', input: '{}' });
  });

  it('emits generated images as pure base64 image parts', () => {
    const parts = run([{ candidates: [{ content: { parts: [{ text: 'Here' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' }, thoughtSignature: 'IMG' }] }, finishReason: 'STOP' }] }]);
    expect(parts).toContainEqual({ type: 'image', id: 'b2', mediaType: 'image/png', base64: 'AAAA' });
    expect(decode(parts.find((part, index) => part.type === 'reasoning-end' && index > 3))).toEqual({ thoughtSignature: 'IMG', attachedTo: { type: 'inlineData', side: 'previous' } });
  });

  it.each([
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['SPII', 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['OTHER', 'other'],
  ])('maps finishReason %s to %s', (raw, unified) => {
    const parts = run([{ candidates: [{ content: { parts: [] }, finishReason: raw }] }]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified, raw } });
  });

  it('maps a blocked prompt (promptFeedback.blockReason, no candidates) to content-filter', () => {
    const parts = run([{ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } }]);
    expect(parts).toEqual([
      { type: 'response-metadata' },
      { type: 'finish', finishReason: { unified: 'content-filter', raw: 'PROHIBITED_CONTENT' }, usage: { inputTokens: 5, cachedInputTokens: undefined, outputTokens: 0, reasoningTokens: undefined, totalTokens: 5 } },
    ]);
  });

  it('reports missing usage as undefined, never zeros', () => {
    const parts = run([{ candidates: [{ content: { parts: [{ text: 'x' }] }, finishReason: 'STOP' }] }]);
    expect(parts.at(-1)).toMatchObject({ usage: { inputTokens: undefined, outputTokens: undefined } });
  });
});
