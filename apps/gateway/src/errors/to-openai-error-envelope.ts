import { GatewayError } from '@switchyard/core';
import { gatewayErrors } from './gateway-errors.js';

export interface ErrorEnvelope {
  readonly error: { readonly message: string; readonly type: string; readonly param: string | null; readonly code: string | null };
}

export interface RenderedError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorEnvelope;
  /** False for exceptions the gateway did not expect: those are logged with their details. */
  readonly expected: boolean;
}

/**
 * The one place that turns any failure into OpenAI's envelope `{error:{message,type,param,code}}`.
 * Unknown exceptions become a generic 500; their details go to the log only.
 */
export function toOpenAIErrorEnvelope(error: unknown): RenderedError {
  const known = GatewayError.isInstance(error);
  const gatewayError = known ? error : gatewayErrors.internal();
  return {
    status: gatewayError.status,
    headers: gatewayError.headers,
    body: gatewayError.toEnvelope(),
    expected: known,
  };
}
