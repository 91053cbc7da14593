import type { Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { geminiModelTraits } from './gemini-config.js';
import { buildGeminiThinkingConfig } from './gemini-thinking-config.js';

const build = (model: string, reasoning: Parameters<typeof buildGeminiThinkingConfig>[0]) => {
  const warnings: Warning[] = [];
  return { config: buildGeminiThinkingConfig(reasoning, geminiModelTraits(model), warnings), warnings };
};

describe('buildGeminiThinkingConfig', () => {
  it.each([
    ['gemini-2.5-flash', 'low', { thinkingBudget: 1024 }],
    ['gemini-2.5-flash', 'none', { thinkingBudget: 0 }],
    ['gemini-2.5-pro', 'high', { thinkingBudget: 24576 }],
    ['gemini-3-pro-preview', 'medium', { thinkingLevel: 'high' }],
    ['gemini-3-pro-preview', 'minimal', { thinkingLevel: 'low' }],
    ['gemini-3-flash-preview', 'minimal', { thinkingLevel: 'minimal' }],
    ['gemini-3-flash-preview', 'medium', { thinkingLevel: 'medium' }],
  ] as const)('%s with effort %s → %j', (model, effort, expected) => {
    expect(build(model, { effort }).config).toEqual(expected);
  });

  it('asks for thought summaries when a summary is requested', () => {
    expect(build('gemini-2.5-flash', { effort: 'medium', summary: 'auto' }).config).toEqual({ thinkingBudget: 8192, includeThoughts: true });
  });

  it('warns when 2.5 Pro is asked not to think, and when a model cannot think', () => {
    expect(build('gemini-2.5-pro', { effort: 'none' })).toMatchObject({ config: undefined, warnings: [{ type: 'unsupported-parameter', parameter: 'reasoning.effort' }] });
    expect(build('gemini-2.0-flash', { effort: 'high' })).toMatchObject({ config: undefined, warnings: [{ type: 'unsupported-parameter', parameter: 'reasoning' }] });
  });

  it('knows the image models', () => {
    expect(geminiModelTraits('gemini-2.5-flash-image').imageOutput).toBe(true);
    expect(geminiModelTraits('gemini-3-pro-image-preview').imageOutput).toBe(true);
    expect(geminiModelTraits('gemini-2.5-flash').imageOutput).toBe(false);
  });
});
