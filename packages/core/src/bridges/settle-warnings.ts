import { GatewayError } from '../errors/gateway-error.js';
import type { Warning } from '../warnings/warning.js';
import type { ServeContext } from './bridgeable-adapter.js';

/**
 * Hands warnings to the gateway (`context.warnings`), or, in strict mode, rejects the request
 * with a 400 naming every parameter that cannot be honoured, before anything is sent upstream.
 * Warnings of type `other` (e.g. "usage will be missing") never fail a strict request.
 */
export function settleWarnings(warnings: readonly Warning[], context: ServeContext): void {
  const unsupported = warnings.filter((warning) => warning.type === 'unsupported-parameter');
  if (context.strict === true && unsupported.length > 0) {
    const names = unsupported.map((warning) => warning.parameter);
    throw new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'unsupported_parameter',
      param: names[0] ?? null,
      message: `The selected model cannot honour: ${names.join(', ')}. Remove ${names.length === 1 ? 'it' : 'them'}, or send the request without x-switchyard-strict to get warnings instead.`,
    });
  }
  context.warnings.push(...warnings);
}
