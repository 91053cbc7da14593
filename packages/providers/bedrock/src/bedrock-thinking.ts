import type { ReasoningEffort } from '@switchyard/contract';

/** Anthropic's minimum thinking budget. */
export const minimumThinkingBudget = 1024;

/** Output room added above the thinking budget when the client set no `max_output_tokens`. */
export const answerTokensAboveBudget = 8192;

const budgets: Readonly<Record<Exclude<NonNullable<ReasoningEffort>, 'none'>, number>> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
  xhigh: 24576,
  max: 32000,
};

/** The thinking budget for an effort; `undefined` for no thinking (`none` or unset). */
export function thinkingBudgetFor(effort: ReasoningEffort | undefined): number | undefined {
  if (effort === undefined || effort === null || effort === 'none') return undefined;
  return budgets[effort];
}

/** Anthropic models on Bedrock (`anthropic.…`, and inference profiles such as `us.anthropic.…`) take `thinking`. */
export function supportsAnthropicThinking(modelId: string): boolean {
  return /(^|\.|\/)anthropic\.claude/.test(modelId);
}
