import { describe, expect, it } from 'vitest';
import { anthropicThinkingFor, parseClaudeVersion } from './anthropic-thinking-config.js';

describe('parseClaudeVersion', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', { major: 4, minor: 5 }],
    ['claude-opus-4-20250514', { major: 4, minor: 0 }],
    ['claude-opus-4-1-20250805', { major: 4, minor: 1 }],
    ['claude-3-7-sonnet-20250219', { major: 3, minor: 7 }],
    ['claude-3-opus-20240229', { major: 3, minor: 0 }],
    ['claude-opus-4-6', { major: 4, minor: 6 }],
    ['claude-sonnet-5', { major: 5, minor: 0 }],
    ['my-finetune', undefined],
  ])('%s → %j', (model, expected) => {
    expect(parseClaudeVersion(model)).toEqual(expected);
  });
});

describe('anthropicThinkingFor', () => {
  it('uses a fixed budget before Claude 4.6', () => {
    expect(anthropicThinkingFor('claude-sonnet-4-5-20250929', 'medium')).toEqual({ form: 'budget', thinking: { type: 'enabled', budget_tokens: 4096 }, budgetTokens: 4096 });
    expect(anthropicThinkingFor('claude-3-7-sonnet-20250219', 'minimal')).toMatchObject({ budgetTokens: 1024 });
    expect(anthropicThinkingFor('claude-3-7-sonnet-20250219', 'high')).toMatchObject({ budgetTokens: 16384 });
  });

  it('uses adaptive thinking with an effort from Claude 4.6 on', () => {
    expect(anthropicThinkingFor('claude-opus-4-6', 'low')).toEqual({ form: 'adaptive', thinking: { type: 'adaptive' }, effort: 'low' });
    expect(anthropicThinkingFor('claude-sonnet-5', 'xhigh')).toMatchObject({ effort: 'max' });
  });

  it('reports models without extended thinking', () => {
    expect(anthropicThinkingFor('claude-3-5-haiku-20241022', 'high')).toEqual({ form: 'unsupported' });
    expect(anthropicThinkingFor('claude-3-opus-20240229', 'low')).toEqual({ form: 'unsupported' });
  });

  it('thinks not at all without an effort or with none', () => {
    expect(anthropicThinkingFor('claude-opus-4-6', undefined)).toBeUndefined();
    expect(anthropicThinkingFor('claude-opus-4-6', 'none')).toBeUndefined();
    expect(anthropicThinkingFor('claude-opus-4-6', null)).toBeUndefined();
  });
});
