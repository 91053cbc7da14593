import type { OperationHandlers } from '@switchyard/contract';
import { isModelAllowed } from '@switchyard/router';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { allowedModelsOf } from './allowed-models-of.js';
import type { HandlerContext } from './handler-context.js';

/**
 * GET /v1/models/{model} (the contract router has already decoded `openai%2Fgpt-4o`): a model
 * `GET /v1/models` lists, or a deployment name of the routing config. A model the key may not use
 * is a 404, like an unknown one (a key cannot probe).
 */
export const retrieveModel: OperationHandlers<HandlerContext>['retrieveModel'] = async (input, context) => {
  const id = input.path.model;
  const allowed = allowedModelsOf(context.caller);
  if (!isModelAllowed(id, allowed)) throw gatewayErrors.modelNotFound(id);
  const registry = context.routing.router.registry;
  const registered = registry.listModels(allowed).data.find((model) => model.id === id);
  if (registered !== undefined) return registered;
  if (registry.deployment(id) !== undefined) return registry.retrieveModel(id, allowed);
  const found = await context.modelCatalogue.find(id, context.signal);
  if (found === undefined) throw gatewayErrors.modelNotFound(id);
  return found;
};
