import type { Reasoning } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import type { GeminiModelTraits } from './gemini-config.js';
import type { GeminiThinkingConfig } from './gemini-api.js';

/** Token budgets for Gemini 2.5 (Flash allows 0–24576, Pro 128–32768). */
const budgets = { minimal: 512, low: 1024, medium: 8192, high: 24576 } as const;

/**
 * `reasoning` → `thinkingConfig` (https://ai.google.dev/gemini-api/docs/thinking): Gemini 3 and
 * later take `thinkingLevel` (Pro: low/high; Flash: minimal/low/medium/high), Gemini 2.5 a
 * `thinkingBudget` (`none` → 0, refused by 2.5 Pro). A requested summary → `includeThoughts`.
 */
export function buildGeminiThinkingConfig(
  reasoning: Reasoning | null | undefined,
  traits: GeminiModelTraits,
  warnings: Warning[],
): GeminiThinkingConfig | undefined {
  if (reasoning === undefined || reasoning === null) return undefined;
  const effort = reasoning.effort ?? undefined;
  const summary = reasoning.summary ?? reasoning.generate_summary ?? undefined;
  if (traits.thinking === 'none') {
    if ((effort !== undefined && effort !== 'none') || summary !== undefined) {
      warnings.push({ type: 'unsupported-parameter', parameter: 'reasoning', message: 'This Gemini model does not think; reasoning was ignored.' });
    }
    return undefined;
  }
  const config: GeminiThinkingConfig = {};
  if (effort !== undefined && effort !== null) {
    if (traits.thinking === 'budget') {
      if (effort === 'none' && traits.thinkingAlwaysOn) {
        warnings.push({ type: 'unsupported-parameter', parameter: 'reasoning.effort', message: 'Gemini 2.5 Pro cannot turn thinking off; its default budget is used.' });
      } else config.thinkingBudget = effort === 'none' ? 0 : effort === 'xhigh' || effort === 'max' ? (traits.flash ? budgets.high : 32768) : budgets[effort];
    } else {
      const level = effort === 'none' || effort === 'minimal' ? 'minimal' : effort === 'xhigh' || effort === 'max' ? 'high' : effort;
      const supported = traits.flash ? level : level === 'minimal' ? 'low' : level === 'medium' ? 'high' : level;
      if (effort === 'none') warnings.push({ type: 'other', message: `Gemini 3 models cannot turn thinking off; thinkingLevel ${supported} was used.` });
      config.thinkingLevel = supported;
    }
  }
  if (summary !== undefined && summary !== null) config.includeThoughts = true;
  return Object.keys(config).length > 0 ? config : undefined;
}
