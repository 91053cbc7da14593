import { gatewayErrors } from '../errors/gateway-errors.js';
import type { ConfiguredProvider, ProviderDirectory } from '../providers/configured-provider.js';
import { routerFor } from './gateway-router.js';

export interface ResolvedModel {
  readonly provider: ConfiguredProvider;
  /** The model id the upstream knows (after `provider/`). */
  readonly upstreamModel: string;
}

/** Resolves `provider/model` to a configured provider; the upstream model may itself contain `/`. */
export function resolveModel(model: unknown, providers: ProviderDirectory): ResolvedModel {
  if (typeof model !== 'string' || model === '') {
    throw gatewayErrors.invalidParameter("You must provide a model in the form 'provider/model'.", 'model');
  }
  const slash = model.indexOf('/');
  const configured = slash > 0 ? providers.get(model.slice(0, slash)) : undefined;
  if (configured === undefined) {
    // An alias or deployment name of the routing config: its first deployment stands for it here;
    // dispatchOperation routes over all of them (and reports the one that answered).
    const first = routerFor(providers)?.registry.deployment(model) ?? aliasFirstDeployment(model, providers);
    const provider = first === undefined ? undefined : providers.get(first.provider);
    if (first !== undefined && provider !== undefined) return { provider, upstreamModel: first.upstreamModel };
  }
  if (slash <= 0 || slash === model.length - 1) throw gatewayErrors.modelWithoutProvider(model);
  const provider = providers.get(model.slice(0, slash));
  if (provider === undefined) throw gatewayErrors.modelNotFound(model);
  return { provider, upstreamModel: model.slice(slash + 1) };
}

function aliasFirstDeployment(model: string, providers: ProviderDirectory): { readonly provider: string; readonly upstreamModel: string } | undefined {
  try {
    return routerFor(providers)?.registry.resolve(model).deployments[0];
  } catch {
    return undefined;
  }
}
