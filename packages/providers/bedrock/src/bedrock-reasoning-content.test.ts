import { describe, expect, it } from 'vitest';
import { decodeBedrockReasoning, encodeBedrockReasoning, reasoningWireBlock } from './bedrock-reasoning-content.js';

describe('Bedrock reasoning in encrypted_content', () => {
  it('round-trips text + signature exactly', () => {
    const encoded = encodeBedrockReasoning({ reasoningText: { text: 'Ünïcode — thought', signature: 'c2lnbmF0dXJl+/=' } });
    expect(encoded).toMatch(/^bedrock:[A-Za-z0-9_-]+$/);
    expect(decodeBedrockReasoning(encoded)).toEqual({ reasoningText: { text: 'Ünïcode — thought', signature: 'c2lnbmF0dXJl+/=' } });
  });

  it('round-trips redacted content to the same bytes', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const wire = reasoningWireBlock({ redactedContent: bytes });
    expect(wire).toEqual({ redactedContent: 'AAEC+v8=' });
    const decoded = decodeBedrockReasoning(encodeBedrockReasoning(wire ?? { redactedContent: '' }));
    expect(decoded?.redactedContent).toEqual(bytes);
  });

  it('keeps reasoning without a signature (models that do not sign)', () => {
    expect(decodeBedrockReasoning(encodeBedrockReasoning({ reasoningText: { text: 'plain' } }))).toEqual({ reasoningText: { text: 'plain' } });
  });

  it.each(['anthropic:abc', 'bedrock:not base64 json', 'bedrock:' + Buffer.from('{"reasoningText":{"text":3}}').toString('base64url'), 'gAAAAB-openai'])(
    'refuses %s (another provider, or not ours)',
    (value) => {
      expect(decodeBedrockReasoning(value)).toBeUndefined();
    },
  );
});
