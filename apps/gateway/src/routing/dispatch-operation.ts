import type { AdapterContext, NativeOperationId, NativeOperations } from '@switchyard/core';
import { gatewayErrors } from '../errors/gateway-errors.js';
import type { ConfiguredProvider } from '../providers/configured-provider.js';

type Operation<K extends NativeOperationId> = NonNullable<NativeOperations[K]>;
export type OperationInput<K extends NativeOperationId> = Parameters<Operation<K>>[0];
export type OperationResult<K extends NativeOperationId> = Awaited<ReturnType<Operation<K>>>;

/**
 * The ONE place that decides how an operation reaches a provider. Today: the adapter's native
 * operation, else 400 `unsupported_operation`. This is where the bridges in core plug in
 * (`serveCreateResponse` for chat-only providers, `serveCreateChatCompletion` for
 * responses-only ones).
 */
export async function dispatchOperation<K extends NativeOperationId>(
  operationId: K,
  provider: ConfiguredProvider,
  input: OperationInput<K>,
  context: AdapterContext,
): Promise<OperationResult<K>> {
  const operation = provider.adapter.operations[operationId] as
    | ((input: OperationInput<K>, context: AdapterContext) => Promise<OperationResult<K>>)
    | undefined;
  if (operation === undefined) throw gatewayErrors.unsupportedOperation(operationId, provider.name);
  return operation.call(provider.adapter.operations, input, context);
}

/** Whether `provider` can serve `operationId` (natively, for now). */
export function canDispatch(operationId: NativeOperationId, provider: ConfiguredProvider): boolean {
  return provider.adapter.operations[operationId] !== undefined;
}
