import { describe, expect, it } from 'vitest';
import { withoutUnreadableReasoning } from './without-unreadable-reasoning.js';

const openaiReader = { provider: 'east', providerKind: 'openai' };
const claudeReader = { provider: 'claude', providerKind: 'anthropic' };
const message = { type: 'message', role: 'user', content: 'next' };
const thinking = { type: 'reasoning', id: 'rs_claude', summary: [], encrypted_content: 'anthropic:eyJ0' };
const openaiReasoning = { type: 'reasoning', id: 'rs_openai', summary: [], encrypted_content: 'gAAAAB-opaque' };
const plain = { type: 'reasoning', id: 'rs_plain', summary: [{ type: 'summary_text', text: 'thought' }] };

describe('withoutUnreadableReasoning', () => {
  it('drops stored reasoning items another provider produced, by name, and keeps everything else in order', () => {
    const origins = new Map([
      ['rs_claude', { provider: 'claude', deployment: 'claude' }],
      ['rs_plain', { provider: 'claude', deployment: null }],
    ]);
    const input = [message, thinking, plain, message];
    expect(withoutUnreadableReasoning(input, openaiReader, { origins, unknownOrigin: 'keep' })).toEqual({ input: [message, message], dropped: 2 });
    const same = withoutUnreadableReasoning(input, claudeReader, { origins, unknownOrigin: 'keep' });
    expect(same).toEqual({ input, dropped: 0 });
    expect(same.input).toBe(input);
  });

  it('tells two providers of the same kind apart when the origin is stored', () => {
    const origins = new Map([['rs_openai', { provider: 'west', deployment: 'west-large' }]]);
    expect(withoutUnreadableReasoning([openaiReasoning], openaiReader, { origins, unknownOrigin: 'by-prefix' }).dropped).toBe(1);
  });

  it('judges client-sent items by their encrypted_content prefix only with by-prefix', () => {
    const input = [thinking, openaiReasoning, plain, message];
    expect(withoutUnreadableReasoning(input, openaiReader, { unknownOrigin: 'by-prefix' })).toEqual({ input: [openaiReasoning, plain, message], dropped: 1 });
    // Unprefixed content may be the reader's own (any Responses upstream): its adapter decides.
    expect(withoutUnreadableReasoning(input, claudeReader, { unknownOrigin: 'by-prefix' })).toEqual({ input, dropped: 0 });
    expect(withoutUnreadableReasoning(input, { provider: 'gemini', providerKind: 'gemini' }, { unknownOrigin: 'by-prefix' })).toEqual({ input: [openaiReasoning, plain, message], dropped: 1 });
    expect(withoutUnreadableReasoning(input, openaiReader, { unknownOrigin: 'keep' })).toEqual({ input, dropped: 0 });
  });
});
