import type { OperationHandlers } from '@switchyard/contract';
import { isModelAllowed } from '@switchyard/router';
import { allowedModelsOf } from './allowed-models-of.js';
import type { HandlerContext } from './handler-context.js';

/**
 * GET /v1/models: what the caller's key may use (the router's allow-list rule). The registry's
 * names (aliases, configured deployments' `provider/model`, the built-in table's models of every
 * enabled provider), then what each provider lists upstream or in its `models:` setting, once each.
 */
export const listModels: OperationHandlers<HandlerContext>['listModels'] = async (_input, context) => {
  const allowed = allowedModelsOf(context.caller);
  const registered = context.routing.router.registry.listModels(allowed).data;
  const ids = new Set(registered.map((model) => model.id));
  const catalogued = (await context.modelCatalogue.list(context.signal)).filter((model) => !ids.has(model.id) && isModelAllowed(model.id, allowed));
  return { object: 'list', data: [...registered, ...catalogued] };
};
