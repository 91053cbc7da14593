import { gatewayErrors } from '../errors/gateway-errors.js';
import type { ConfiguredProvider, ProviderDirectory } from '../providers/configured-provider.js';

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
  if (slash <= 0 || slash === model.length - 1) throw gatewayErrors.modelWithoutProvider(model);
  const provider = providers.get(model.slice(0, slash));
  if (provider === undefined) throw gatewayErrors.modelNotFound(model);
  return { provider, upstreamModel: model.slice(slash + 1) };
}
