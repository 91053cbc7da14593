import type { Router } from '@switchyard/router';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { ConfiguredProvider, ProviderDirectory } from '../providers/configured-provider.js';

export interface ResolvedModel {
  readonly provider: ConfiguredProvider;
  /** The model id the upstream knows (after `provider/`). */
  readonly upstreamModel: string;
}

/**
 * Resolves the client's `model` to a provider and upstream model id. `provider/model` names an
 * enabled provider (the upstream model may itself contain `/`). With the gateway's `router`, an
 * alias or deployment name of the routing config resolves too, to its first deployment: that one
 * stands for it here (which adapter, which reasoning items to carry), while `dispatchOperation`
 * routes over all of them and reports the one that answered. Without a router, only
 * `provider/model` is accepted.
 */
export function resolveModel(model: unknown, providers: ProviderDirectory, router?: Router): ResolvedModel {
  if (typeof model !== 'string' || model === '') {
    throw gatewayErrors.invalidParameter("You must provide a model in the form 'provider/model'.", 'model');
  }
  const slash = model.indexOf('/');
  const configured = slash > 0 ? providers.get(model.slice(0, slash)) : undefined;
  if (configured === undefined && router !== undefined) {
    const first = router.registry.deployment(model) ?? aliasFirstDeployment(model, router);
    const provider = first === undefined ? undefined : providers.get(first.provider);
    if (first !== undefined && provider !== undefined) return { provider, upstreamModel: first.upstreamModel };
  }
  if (slash <= 0 || slash === model.length - 1) throw gatewayErrors.modelWithoutProvider(model);
  if (configured === undefined) throw gatewayErrors.modelNotFound(model);
  return { provider: configured, upstreamModel: model.slice(slash + 1) };
}

function aliasFirstDeployment(model: string, router: Router): { readonly provider: string; readonly upstreamModel: string } | undefined {
  try {
    return router.registry.resolve(model).deployments[0];
  } catch {
    return undefined;
  }
}
