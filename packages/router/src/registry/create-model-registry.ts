import type { ListModelsResponse, Model } from '@switchyard/contract';
import { modelNotAllowedError, modelNotFoundError, RegistryConfigError } from '../errors/routing-errors.js';
import { builtInModelTable } from '../model-table/built-in-model-table.js';
import { modelTableKey, type ModelTableEntry } from '../model-table/model-table.js';
import { buildDeployment, synthesiseDeployment } from './build-deployment.js';
import type { Deployment } from './deployment.js';
import { isModelAllowed } from './is-model-allowed.js';
import type { AliasConfig, ModelRegistryOptions } from './registry-config.js';

/** What a public model name routes to. */
export interface ResolvedModel {
  /** The public name asked for. */
  readonly model: string;
  /** The deployments that serve it, in configured order. */
  readonly deployments: readonly Deployment[];
  /** Deployments of the model's fallback chain (alias `fallbacks`, then the request's), in order. */
  readonly fallbacks: readonly Deployment[];
}

export interface ResolveOptions {
  /** The key's model allow-list; a name outside it is a 403, fallback models outside it are skipped. */
  readonly allowedModels?: readonly string[] | undefined;
  /** A per-request fallback chain of public model names, tried after the configured chain. */
  readonly fallbacks?: readonly string[] | undefined;
}

export interface ModelRegistry {
  /** Throws a 404 `model_not_found` or a 403 `model_not_allowed` `GatewayError`. */
  resolve(model: string, options?: ResolveOptions): ResolvedModel;
  /** `GET /v1/models`: aliases, configured models and the table's models of configured providers. */
  listModels(allowedModels?: readonly string[]): ListModelsResponse;
  /** `GET /v1/models/{model}`; 404 when unknown or not allowed (not revealing which). */
  retrieveModel(model: string, allowedModels?: readonly string[]): Model;
  deployment(name: string): Deployment | undefined;
  deployments(): readonly Deployment[];
}

const aliasOwner = 'switchyard';

function splitModel(model: string): { provider: string; upstreamModel: string } | undefined {
  const slash = model.indexOf('/');
  if (slash <= 0 || slash === model.length - 1) return undefined;
  return { provider: model.slice(0, slash), upstreamModel: model.slice(slash + 1) };
}

/** Builds the registry once at startup; configuration mistakes throw a `RegistryConfigError`. */
export function createModelRegistry(options: ModelRegistryOptions = {}): ModelRegistry {
  const table = options.builtInTable ?? builtInModelTable();
  const created = options.createdAt ?? Math.floor(Date.now() / 1000);
  const tableByKey = new Map<string, ModelTableEntry>(table.models.map((entry) => [modelTableKey(entry), entry]));
  const providers = new Map<string, string>(Object.entries(options.providers ?? {}));
  const kindOf = (provider: string): string => providers.get(provider) ?? provider;
  const tableEntry = (provider: string, upstreamModel: string): ModelTableEntry | undefined => tableByKey.get(`${kindOf(provider)}/${upstreamModel}`);

  const byName = new Map<string, Deployment>();
  const byPublicName = new Map<string, Deployment[]>();
  for (const config of options.deployments ?? []) {
    if (byName.has(config.name)) throw new RegistryConfigError(`deployment ${config.name} is declared twice`);
    if (options.providers !== undefined && !providers.has(config.provider)) {
      throw new RegistryConfigError(`deployment ${config.name} uses provider ${config.provider}, which is not configured`);
    }
    const deployment = buildDeployment(config, kindOf(config.provider), tableEntry(config.provider, config.upstreamModel));
    byName.set(deployment.name, deployment);
    const publicName = `${deployment.provider}/${deployment.upstreamModel}`;
    byPublicName.set(publicName, [...(byPublicName.get(publicName) ?? []), deployment]);
  }

  const aliases = new Map<string, AliasConfig>();
  for (const [name, value] of Object.entries(options.aliases ?? {})) {
    const alias: AliasConfig = Array.isArray(value) ? { deployments: value } : (value as AliasConfig);
    if (alias.deployments.length === 0) throw new RegistryConfigError(`alias ${name} has no deployments`);
    for (const deploymentName of alias.deployments) {
      if (!byName.has(deploymentName)) throw new RegistryConfigError(`alias ${name} names an unknown deployment ${deploymentName}`);
    }
    if (byName.has(name)) throw new RegistryConfigError(`alias ${name} has the name of a deployment`);
    aliases.set(name, alias);
  }

  /** The deployments of one public name, without its fallback chain; undefined when unknown. */
  const deploymentsOf = (model: string): Deployment[] | undefined => {
    const alias = aliases.get(model);
    if (alias !== undefined) return alias.deployments.map((name) => byName.get(name) as Deployment);
    const configured = byPublicName.get(model);
    if (configured !== undefined) return configured;
    const named = byName.get(model);
    if (named !== undefined) return [named];
    const parts = splitModel(model);
    if (parts === undefined || !providers.has(parts.provider)) return undefined;
    return [synthesiseDeployment(parts.provider, kindOf(parts.provider), parts.upstreamModel, tableEntry(parts.provider, parts.upstreamModel))];
  };

  const publicModels = (): Model[] => {
    const models = new Map<string, Model>();
    for (const name of aliases.keys()) models.set(name, { id: name, object: 'model', created, owned_by: aliasOwner });
    for (const [name, deployments] of byPublicName) {
      models.set(name, { id: name, object: 'model', created, owned_by: deployments[0]?.provider ?? aliasOwner });
    }
    for (const [provider, kind] of providers) {
      for (const entry of table.models) {
        if (entry.provider !== kind) continue;
        const id = `${provider}/${entry.model}`;
        if (!models.has(id)) models.set(id, { id, object: 'model', created, owned_by: provider });
      }
    }
    return [...models.values()];
  };

  return {
    resolve(model, resolveOptions = {}) {
      const deployments = deploymentsOf(model);
      if (deployments === undefined) throw modelNotFoundError(model);
      if (!isModelAllowed(model, resolveOptions.allowedModels)) throw modelNotAllowedError(model);
      const chain = [...(aliases.get(model)?.fallbacks ?? []), ...(resolveOptions.fallbacks ?? [])];
      const seen = new Set(deployments.map((deployment) => deployment.name));
      const fallbacks: Deployment[] = [];
      for (const fallbackModel of chain) {
        if (!isModelAllowed(fallbackModel, resolveOptions.allowedModels)) continue;
        for (const deployment of deploymentsOf(fallbackModel) ?? []) {
          if (seen.has(deployment.name)) continue;
          seen.add(deployment.name);
          fallbacks.push(deployment);
        }
      }
      return { model, deployments, fallbacks };
    },
    listModels(allowedModels) {
      return { object: 'list', data: publicModels().filter((model) => isModelAllowed(model.id, allowedModels)) };
    },
    retrieveModel(model, allowedModels) {
      if (!isModelAllowed(model, allowedModels) || deploymentsOf(model) === undefined) throw modelNotFoundError(model);
      const listed = publicModels().find((entry) => entry.id === model);
      return listed ?? { id: model, object: 'model', created, owned_by: deploymentsOf(model)?.[0]?.provider ?? aliasOwner };
    },
    deployment: (name) => byName.get(name),
    deployments: () => [...byName.values()],
  };
}
