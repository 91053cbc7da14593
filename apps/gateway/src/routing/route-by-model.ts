import { dispatchContextFor, type HandlerContext } from '../handlers/handler-context.js';
import { dispatchOperation, type OperationInput, type OperationResult } from './dispatch-operation.js';
import { resolveModel } from './resolve-model.js';

export type ModelOperationId = 'createResponse' | 'createChatCompletion' | 'countInputTokens' | 'compactResponse';

/**
 * Serves an operation whose body names a `provider/model`: resolves the provider and calls it
 * with the body's `model` rewritten to the upstream's id.
 */
export async function routeByModel<K extends ModelOperationId>(
  operationId: K,
  input: OperationInput<K>,
  context: HandlerContext,
): Promise<OperationResult<K>> {
  const body = (input as { readonly body: { readonly model?: unknown } }).body;
  const target = resolveModel(body.model, context.providers, context.routing.router);
  context.setProvider(target.provider.name);
  const upstreamInput = { ...input, body: { ...body, model: target.upstreamModel } } as OperationInput<K>;
  return dispatchOperation(operationId, target.provider, upstreamInput, dispatchContextFor(context, target.upstreamModel, body.model as string));
}
