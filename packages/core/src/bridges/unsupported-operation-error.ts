import { GatewayError } from '../errors/gateway-error.js';

/** The 400 for an adapter that has neither the operation nor one the bridge can serve it with. */
export function unsupportedOperationError(provider: string, operation: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_operation',
    message: `The ${provider} provider cannot serve ${operation} for this model.`,
  });
}
