import type { ReasoningEffort } from '@switchyard/contract';
import type { AnthropicThinking } from './anthropic-api.js';

/** Anthropic's `output_config.effort` levels (https://docs.anthropic.com/en/docs/build-with-claude/effort). */
export type AnthropicEffort = 'low' | 'medium' | 'high' | 'max';

export type AnthropicThinkingConfig =
  | { readonly form: 'budget'; readonly thinking: AnthropicThinking; readonly budgetTokens: number }
  | { readonly form: 'adaptive'; readonly thinking: AnthropicThinking; readonly effort: AnthropicEffort }
  /** Claude 3 models before 3.7 cannot think. */
  | { readonly form: 'unsupported' };

/**
 * `reasoning.effort` → fixed thinking budgets for the manual form. 1024 is the documented minimum
 * budget (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking).
 */
export const thinkingBudgetByEffort = { minimal: 1_024, low: 1_024, medium: 4_096, high: 16_384, xhigh: 32_000, max: 32_000 } as const;

const adaptiveEffortByEffort = { minimal: 'low', low: 'low', medium: 'medium', high: 'high', xhigh: 'max', max: 'max' } as const;

/** `{major, minor}` of a Claude model id: `claude-sonnet-4-5-20250929` → 4.5, `claude-3-7-sonnet-…` → 3.7, `claude-opus-4-20250514` → 4.0. */
export function parseClaudeVersion(model: string): { major: number; minor: number } | undefined {
  const familyFirst = /^claude-[a-z]+-(\d{1,2})(?:-(\d{1,2}))?(?=-|$)/.exec(model);
  const versionFirst = /^claude-(\d{1,2})(?:-(\d{1,2}))?-[a-z]/.exec(model);
  const match = familyFirst ?? versionFirst;
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: match[2] === undefined ? 0 : Number(match[2]) };
}

/**
 * The thinking request for a model and effort, or `undefined` for no thinking. Claude 4.6 and
 * later take adaptive thinking (`thinking: {type:"adaptive"}` + `output_config.effort`; the
 * budget form is deprecated there and rejected from Opus 4.7 on); earlier models take
 * `thinking: {type:"enabled", budget_tokens}` (https://docs.anthropic.com/en/docs/build-with-claude/adaptive-thinking);
 * Claude 3 models before 3.7 have no extended thinking.
 */
export function anthropicThinkingFor(model: string, effort: ReasoningEffort | undefined): AnthropicThinkingConfig | undefined {
  if (effort === undefined || effort === null || effort === 'none') return undefined;
  const version = parseClaudeVersion(model);
  if (version !== undefined && version.major < 3) return { form: 'unsupported' };
  if (version !== undefined && version.major === 3 && version.minor < 7) return { form: 'unsupported' };
  const adaptive = version !== undefined && (version.major > 4 || (version.major === 4 && version.minor >= 6));
  if (adaptive) return { form: 'adaptive', thinking: { type: 'adaptive' }, effort: adaptiveEffortByEffort[effort] };
  const budgetTokens = thinkingBudgetByEffort[effort];
  return { form: 'budget', thinking: { type: 'enabled', budget_tokens: budgetTokens }, budgetTokens };
}
