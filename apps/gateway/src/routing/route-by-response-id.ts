import { gatewayErrors } from '../errors/gateway-errors.js';
import { dispatchContextFor, type HandlerContext } from '../handlers/handler-context.js';
import { canDispatch, dispatchOperation, type OperationInput, type OperationResult } from './dispatch-operation.js';

export type StoredResponseOperationId = 'getResponse' | 'deleteResponse' | 'cancelResponse' | 'listInputItems';

/**
 * Serves an operation on a stored response. Until Switchyard's own response store lands, the
 * request goes to the single configured provider that has the operation natively; with none or
 * several, the id cannot be resolved and the answer is the same 404 as for an unknown id.
 */
export async function routeByResponseId<K extends StoredResponseOperationId>(
  operationId: K,
  input: OperationInput<K>,
  context: HandlerContext,
): Promise<OperationResult<K>> {
  const responseId = (input as { readonly path: { readonly response_id: string } }).path.response_id;
  const candidates = [...context.providers.values()].filter((provider) => canDispatch(operationId, provider));
  const [only] = candidates;
  if (only === undefined || candidates.length > 1) throw gatewayErrors.responseNotFound(responseId);
  context.setProvider(only.name);
  return dispatchOperation(operationId, only, input, dispatchContextFor(context, '', ''));
}
