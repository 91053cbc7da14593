import type { Usage } from '@switchyard/core';
import type { ModelPrices } from '../model-table/model-capabilities.js';

export interface Cost {
  /** Uncached input (cache writes included, at the cache-write price when there is one). */
  readonly inputUsd: number;
  readonly cachedInputUsd: number;
  /** All output, reasoning included. */
  readonly outputUsd: number;
  /** The part of `outputUsd` spent on reasoning (not added again to the total). */
  readonly reasoningUsd?: number | undefined;
  readonly totalUsd: number;
  /** True when the usage lacked input or output counts, so the cost is a lower bound. */
  readonly incomplete: boolean;
}

const perMillion = (tokens: number, price: number): number => (tokens * price) / 1_000_000;
/** Rounds away binary noise (1e-12 USD is far below any provider's billing unit). */
const round = (usd: number): number => Math.round(usd * 1e12) / 1e12;

/**
 * The cost of one attempt's usage. `inputTokens` counts every input token: cached reads are billed
 * once, at the cached price; cache writes at the cache-write price; the rest at the input price.
 * `outputTokens` includes reasoning tokens, which `reasoningUsd` breaks out.
 */
export function computeCost(usage: Usage, prices: ModelPrices): Cost {
  const input = usage.inputTokens ?? 0;
  const cached = Math.min(usage.cachedInputTokens ?? 0, input);
  const cacheWrite = Math.min(usage.cacheWriteTokens ?? 0, input - cached);
  const uncached = input - cached - cacheWrite;
  const output = usage.outputTokens ?? 0;
  const inputUsd = round(perMillion(uncached, prices.input) + perMillion(cacheWrite, prices.cacheWrite ?? prices.input));
  const cachedInputUsd = round(perMillion(cached, prices.cachedInput ?? prices.input));
  const outputUsd = round(perMillion(output, prices.output));
  const reasoning = usage.reasoningTokens;
  return {
    inputUsd,
    cachedInputUsd,
    outputUsd,
    ...(reasoning === undefined ? {} : { reasoningUsd: round(perMillion(Math.min(reasoning, output), prices.output)) }),
    totalUsd: round(inputUsd + cachedInputUsd + outputUsd),
    incomplete: usage.inputTokens === undefined || usage.outputTokens === undefined,
  };
}
