import type { OperationHandlers } from '@switchyard/contract';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/models/{model}; the contract router has already decoded `openai%2Fgpt-4o`. */
export const retrieveModel: OperationHandlers<HandlerContext>['retrieveModel'] = async (input, context) => {
  const id = input.path.model;
  const found = await context.modelCatalogue.find(id, context.signal);
  if (found === undefined) throw gatewayErrors.modelNotFound(id);
  return found;
};
