import { describe, expect, it } from 'vitest';
import type { AnthropicMessage, AnthropicTextBlock } from './anthropic-api.js';
import { applyAnthropicCacheControl } from './apply-anthropic-cache-control.js';

const text = (value: string): AnthropicTextBlock => ({ type: 'text', text: value });

describe('applyAnthropicCacheControl', () => {
  it('marks the last system block and the end of the previous turn', () => {
    const system = [text('a'), text('b')];
    const messages: AnthropicMessage[] = [
      { role: 'user', content: [text('q1')] },
      { role: 'assistant', content: [text('a1'), { type: 'tool_use', id: 't', name: 'f', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'r' }] },
    ];
    expect(applyAnthropicCacheControl(system, messages)).toBe(2);
    expect(system).toEqual([text('a'), { ...text('b'), cache_control: { type: 'ephemeral' } }]);
    expect(messages[1]?.content[1]).toMatchObject({ type: 'tool_use', cache_control: { type: 'ephemeral' } });
    expect(JSON.stringify(messages[2])).not.toContain('cache_control');
  });

  it('skips thinking blocks, and does nothing without a prefix', () => {
    const messages: AnthropicMessage[] = [
      { role: 'user', content: [text('q1')] },
      { role: 'assistant', content: [text('a1'), { type: 'redacted_thinking', data: 'x' }] },
      { role: 'user', content: [text('q2')] },
    ];
    expect(applyAnthropicCacheControl([], messages)).toBe(1);
    expect(messages[1]?.content[0]).toEqual({ ...text('a1'), cache_control: { type: 'ephemeral' } });
    expect(applyAnthropicCacheControl([], [{ role: 'user', content: [text('only')] }])).toBe(0);
  });
});
