import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import type { AdapterContext } from '../adapter/adapter-context.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Warning } from '../warnings/warning.js';
import type { ChatCapabilities } from './chat-capabilities.js';

/** A provider adapter that may describe what its chat endpoint honours, per upstream model. */
export type BridgeableAdapter = ProviderAdapter & {
  readonly chatCapabilitiesFor?: (upstreamModel: string) => ChatCapabilities;
};

/** The adapter context plus the client's `x-switchyard-strict` choice. */
export type ServeContext = AdapterContext & { readonly strict?: boolean };

/**
 * Hands warnings to the gateway (`context.warnings`), or, in strict mode, rejects the request
 * with a 400 naming every parameter that cannot be honoured, before anything is sent upstream.
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

export function unsupportedOperation(provider: string, operation: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unsupported_operation',
    message: `The ${provider} provider cannot serve ${operation} for this model.`,
  });
}

export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

export async function* fromParts<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
