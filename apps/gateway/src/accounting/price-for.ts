import { builtInModelTable, estimateMaxCost, modelTableKey, type CostEstimateRequest, type Deployment, type ModelPrices, type ModelTableEntry } from '@switchyard/router';

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

export interface WorstCase {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** 0 when the model is not priced (then a budget cannot hold it back: see the README). */
  readonly usd: number;
  readonly prices: ModelPrices | undefined;
}

/** Worst-case tokens and cost of a request, for the tpm check and the budget reservation. */
export function worstCaseFor(body: CostEstimateRequest, entry: ModelTableEntry | undefined, upstreamModel: string, provider: string): WorstCase {
  const deployment: Deployment = {
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
  const estimate = estimateMaxCost(body, deployment);
  return { inputTokens: estimate.inputTokens, outputTokens: estimate.outputTokens, usd: estimate.usd ?? 0, prices: entry?.prices };
}
