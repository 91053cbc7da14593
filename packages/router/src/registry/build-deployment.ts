import type { ModelCapabilities } from '../model-table/model-capabilities.js';
import type { ModelTableEntry } from '../model-table/model-table.js';
import { RegistryConfigError } from '../errors/routing-errors.js';
import type { Deployment } from './deployment.js';
import type { DeploymentConfig } from './registry-config.js';

const regionPattern = /^[A-Z]{2}$/;

function mergeCapabilities(
  configured: Partial<ModelCapabilities> | undefined,
  fromTable: ModelCapabilities | undefined,
): ModelCapabilities | undefined {
  if (configured === undefined) return fromTable;
  const base: ModelCapabilities = fromTable ?? { endpoints: ['chat'], tools: false, vision: false, reasoning: false, imageOutput: false };
  return { ...base, ...configured };
}

/** A configured deployment, completed from its built-in table row (config wins field by field). */
export function buildDeployment(config: DeploymentConfig, providerKind: string, tableEntry: ModelTableEntry | undefined): Deployment {
  const weight = config.weight ?? 1;
  if (!Number.isFinite(weight) || weight < 0) throw new RegistryConfigError(`deployment ${config.name}: weight must be a number >= 0`);
  const regions = config.regions ?? [];
  for (const region of regions) {
    if (!regionPattern.test(region)) throw new RegistryConfigError(`deployment ${config.name}: region ${JSON.stringify(region)} is not an ISO 3166-1 alpha-2 code (e.g. DE)`);
  }
  return {
    name: config.name,
    provider: config.provider,
    providerKind,
    upstreamModel: config.upstreamModel,
    weight,
    regions,
    prices: config.prices ?? tableEntry?.prices,
    contextWindow: config.contextWindow ?? tableEntry?.contextWindow,
    maxOutput: config.maxOutput ?? tableEntry?.maxOutput,
    capabilities: mergeCapabilities(config.capabilities, tableEntry?.capabilities),
    ...(config.rpm === undefined ? {} : { rpm: config.rpm }),
    ...(config.tpm === undefined ? {} : { tpm: config.tpm }),
  };
}

/** The deployment `provider/model` gets when nothing is configured for it. */
export function synthesiseDeployment(provider: string, providerKind: string, upstreamModel: string, tableEntry: ModelTableEntry | undefined): Deployment {
  return buildDeployment({ name: `${provider}/${upstreamModel}`, provider, upstreamModel }, providerKind, tableEntry);
}
