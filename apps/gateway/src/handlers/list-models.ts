import type { OperationHandlers } from '@switchyard/contract';
import type { HandlerContext } from './handler-context.js';

/** GET /v1/models: every enabled provider's models as `provider/model`. */
export const listModels: OperationHandlers<HandlerContext>['listModels'] = async (_input, context) => ({
  object: 'list',
  data: await context.modelCatalogue.list(context.signal),
});
