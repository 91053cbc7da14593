import { builtInModelTable, estimateMaxCost, modelTableKey, type CostEstimateRequest, type Deployment, type ModelTableEntry } from '@switchyard/router';

let table: ReadonlyMap<string, ModelTableEntry> | undefined;

function entries(): ReadonlyMap<string, ModelTableEntry> {
  table ??= new Map(builtInModelTable().models.map((entry) => [modelTableKey(entry), entry]));
  return table;
}

/** The built-in table's row for a model served by a provider (looked up by adapter kind, then by configured name). */
export function tableEntryFor(kinds: readonly string[], upstreamModel: string): ModelTableEntry | undefined {
  for (const kind of kinds) {
    const entry = entries().get(`${kind}/${upstreamModel}`);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** The named provider's model as a deployment priced from the built-in table (no router: the only candidate). */
export function tableDeployment(kinds: readonly string[], upstreamModel: string, provider: string): Deployment {
  const entry = tableEntryFor(kinds, upstreamModel);
  return {
    name: `${provider}/${upstreamModel}`,
    provider,
    providerKind: entry?.provider ?? provider,
    upstreamModel,
    weight: 1,
    regions: [],
    prices: entry?.prices,
    contextWindow: entry?.contextWindow,
    maxOutput: entry?.maxOutput,
    capabilities: entry?.capabilities,
  };
}

export interface WorstCase {
  /** The input estimate (the same for every candidate: it depends on the body only). */
  readonly inputTokens: number;
  /** The largest input + output token estimate over the candidates (for the tpm check). */
  readonly tokens: number;
  /** The largest worst-case cost over the priced candidates (the budget reservation). */
  readonly usd: number;
  /** Candidates without a known price (a budget cannot hold those back). */
  readonly unpriced: readonly string[];
}

/**
 * Worst-case tokens and cost of a request over every deployment its route may reach (retries and
 * fallbacks included), so a fallback to a pricier deployment stays inside the reservation.
 */
export function worstCaseOver(body: CostEstimateRequest, candidates: readonly Deployment[]): WorstCase {
  let inputTokens = 0;
  let tokens = 0;
  let usd = 0;
  const unpriced: string[] = [];
  for (const deployment of candidates) {
    const estimate = estimateMaxCost(body, deployment);
    inputTokens = Math.max(inputTokens, estimate.inputTokens);
    tokens = Math.max(tokens, estimate.inputTokens + estimate.outputTokens);
    if (estimate.usd === undefined) unpriced.push(deployment.name);
    else usd = Math.max(usd, estimate.usd);
  }
  return { inputTokens, tokens, usd, unpriced };
}
