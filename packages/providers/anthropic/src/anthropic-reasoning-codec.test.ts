import { describe, expect, it } from 'vitest';
import { decodeAnthropicReasoning, encodeAnthropicReasoning, isAnthropicReasoning } from './anthropic-reasoning-codec.js';

describe('the reasoning codec', () => {
  it('round-trips thinking and redacted thinking blocks exactly', () => {
    const thinking = { type: 'thinking', thinking: 'Line 1\nLine "2" \u2713 \ud83d\ude00', signature: 'EqQBCgIYAhIM+/=' } as const;
    const encoded = encodeAnthropicReasoning(thinking);
    expect(encoded).toMatch(/^anthropic:[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(decodeAnthropicReasoning(encoded))).toBe(JSON.stringify(thinking));
    const redacted = { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' } as const;
    expect(decodeAnthropicReasoning(encodeAnthropicReasoning(redacted))).toEqual(redacted);
  });

  it('writes the block fields in Anthropic order whatever the input order', () => {
    const shuffled = { signature: 's', thinking: 't', type: 'thinking' } as const;
    expect(Buffer.from(encodeAnthropicReasoning(shuffled).slice('anthropic:'.length), 'base64url').toString()).toBe('{"type":"thinking","thinking":"t","signature":"s"}');
  });

  it('refuses what it did not make', () => {
    expect(isAnthropicReasoning('gAAAAABopenai')).toBe(false);
    expect(decodeAnthropicReasoning('gAAAAABopenai')).toBeUndefined();
    expect(decodeAnthropicReasoning('anthropic:not-json')).toBeUndefined();
    expect(decodeAnthropicReasoning(`anthropic:${Buffer.from('{"type":"thinking","thinking":"t"}').toString('base64url')}`)).toBeUndefined();
  });
});
