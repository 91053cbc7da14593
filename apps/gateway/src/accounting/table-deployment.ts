import { builtInModelTable, modelTableKey, type Deployment, type ModelTableEntry } from '@switchyard/router';

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
