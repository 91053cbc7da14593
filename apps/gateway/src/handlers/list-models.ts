import type { OperationHandlers } from '@switchyard/contract';
import { isModelAllowed } from '@switchyard/router';
import { allowedModelsOf } from './allowed-models-of.js';
import type { HandlerContext } from './handler-context.js';

/**
 * GET /v1/models: what the caller's key may use. With a `routing:` section, the registry's list
 * (aliases, configured deployments, the built-in table's models of configured providers); without,
 * every enabled provider's models as `provider/model`.
 */
export const listModels: OperationHandlers<HandlerContext>['listModels'] = async (_input, context) => {
  const allowed = allowedModelsOf(context);
  if (context.routing !== undefined) return context.routing.router.registry.listModels(allowed);
  const data = await context.modelCatalogue.list(context.signal);
  return { object: 'list', data: data.filter((model) => isModelAllowed(model.id, allowed)) };
};
