import { describe, expect, it } from 'vitest';
import { decodeGeminiReasoning, encodeGeminiReasoning } from './gemini-thought-signature.js';

describe('Gemini reasoning encoding', () => {
  it.each([
    { thoughtSignature: 'A+/=\u00e9', attachedTo: { type: 'text' as const, side: 'next' as const } },
    { thoughtSignature: 'sig', attachedTo: { type: 'functionCall' as const, callId: 'call_gm_1' } },
    { thoughtSignature: 'sig', attachedTo: { type: 'inlineData' as const, side: 'previous' as const } },
    { attachedTo: { type: 'part' as const, part: { text: 'thought', thought: true, thoughtSignature: 'x' } } },
  ])('round-trips %j exactly', (state) => {
    const encoded = encodeGeminiReasoning(state);
    expect(encoded).toMatch(/^gemini:[A-Za-z0-9_-]+$/);
    expect(decodeGeminiReasoning(encoded)).toEqual(state);
  });

  it.each([undefined, null, 'anthropic:abc', 'gemini:not-json', `gemini:${Buffer.from('{"attachedTo":{"type":"text","side":"next"}}').toString('base64url')}`])(
    'rejects %s',
    (value) => {
      expect(decodeGeminiReasoning(value)).toBeUndefined();
    },
  );
});
