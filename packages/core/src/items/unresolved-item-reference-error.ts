import { GatewayError } from '../errors/gateway-error.js';

/**
 * The 400 for an `item_reference` that reached an adapter unresolved: the gateway resolves
 * references from its store, so one arriving here has nothing to point at.
 */
export function unresolvedItemReferenceError(path: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_parameter',
    param: path,
    message: `${path} is an item_reference that could not be resolved from a stored response. Send the item itself instead.`,
  });
}
