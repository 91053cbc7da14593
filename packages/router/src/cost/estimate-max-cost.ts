import type { Deployment } from '../registry/deployment.js';

/** The parts of a Responses or Chat Completions body that drive its cost. */
export interface CostEstimateRequest {
  readonly input?: unknown;
  readonly instructions?: unknown;
  readonly messages?: unknown;
  readonly tools?: unknown;
  readonly max_output_tokens?: number | null | undefined;
  readonly max_completion_tokens?: number | null | undefined;
  readonly max_tokens?: number | null | undefined;
}

export interface MaxCostEstimate {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** `undefined` when the deployment's price is unknown. */
  readonly usd: number | undefined;
}

/** Output reserved when neither the request nor the deployment bounds it. */
export const defaultReservedOutputTokens = 4_096;
/** Characters per token used for the input estimate (on the high side for English and JSON). */
const charactersPerToken = 3;

function characterCount(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string') return value.length;
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * An upper estimate of a request's cost, for budget reservation before the call: input from the
 * serialised length (one token per 3 characters), output from the request's maximum, bounded by the
 * deployment's `maxOutput` (the deployment's `maxOutput` itself when the request sets none).
 * Settle the reservation with `computeCost` once the real usage is known.
 */
export function estimateMaxCost(request: CostEstimateRequest, deployment: Deployment): MaxCostEstimate {
  const characters = characterCount(request.input) + characterCount(request.instructions) + characterCount(request.messages) + characterCount(request.tools);
  const inputTokens = Math.ceil(characters / charactersPerToken);
  const requested = request.max_output_tokens ?? request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const ceiling = deployment.maxOutput ?? defaultReservedOutputTokens;
  const outputTokens = requested === undefined ? ceiling : Math.min(requested, ceiling);
  const prices = deployment.prices;
  const usd = prices === undefined ? undefined : Math.round(((inputTokens * prices.input + outputTokens * prices.output) / 1_000_000) * 1e12) / 1e12;
  return { inputTokens, outputTokens, usd };
}
