import type { OperationHandlers } from '@switchyard/contract';
import { isModelAllowed } from '@switchyard/router';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { allowedModelsOf } from './allowed-models-of.js';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/models/{model}; the contract router has already decoded `openai%2Fgpt-4o`. A model the key may not use is a 404. */
export const retrieveModel: OperationHandlers<HandlerContext>['retrieveModel'] = async (input, context) => {
  const id = input.path.model;
  const allowed = allowedModelsOf(context);
  if (context.routing !== undefined) return context.routing.router.registry.retrieveModel(id, allowed);
  const found = await context.modelCatalogue.find(id, context.signal);
  if (found === undefined || !isModelAllowed(id, allowed)) throw gatewayErrors.modelNotFound(id);
  return found;
};
