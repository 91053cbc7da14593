import type { HandlerContext } from '../handlers/handler-context.js';
import { handlers, type OperationId } from '../handlers/index.js';

export interface OperationInput {
  readonly body: unknown;
  readonly query: unknown;
  readonly path: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

type UntypedHandler = (input: OperationInput, context: HandlerContext) => Promise<unknown>;

/**
 * Calls the typed handler for `operationId`. The input has just been validated against the
 * contract for that operation, which is what makes this single widening cast sound.
 */
export function invokeHandler(operationId: OperationId, input: OperationInput, context: HandlerContext): Promise<unknown> {
  const handler = handlers[operationId] as unknown as UntypedHandler;
  return handler(input, context);
}
