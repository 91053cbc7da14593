import type { OperationHandlers } from '@switchyard/contract';
import type { StreamPart } from '../parts/stream-part.js';
import type { AdapterContext } from './adapter-context.js';
import type { GenerateRequest } from './generate-request.js';

/** Operations a provider may serve natively, in the contract's own shapes. */
export type NativeOperationId =
  | 'createResponse'
  | 'getResponse'
  | 'deleteResponse'
  | 'cancelResponse'
  | 'listInputItems'
  | 'countInputTokens'
  | 'compactResponse'
  | 'createChatCompletion';

export type NativeOperations = Partial<Pick<OperationHandlers<AdapterContext>, NativeOperationId>>;

/**
 * A translating adapter's one entry point: canonical request in, canonical stream parts out.
 * Errors before the first part are thrown (as `UpstreamError`), so the gateway can still
 * answer with the right status, retry or fall back; errors after it are `error` parts. Unsupported
 * settings are pushed to `context.warnings`, never dropped silently.
 */
export type GenerateFunction = (request: GenerateRequest, context: AdapterContext) => Promise<AsyncIterable<StreamPart>>;

/**
 * One configured provider. It implements the generated handler types for the operations its
 * provider has natively; the bridges in core serve the others through the ones it has.
 */
export interface ProviderAdapter {
  /** Provider key as used in model names, e.g. `openai` in `openai/gpt-4o`. */
  readonly provider: string;
  readonly operations: NativeOperations;
  /**
   * Providers with their own wire format (Anthropic, Gemini, Bedrock, Cohere) implement this
   * instead of native operations; the encoders in core then serve both endpoints from its parts.
   */
  readonly generate?: GenerateFunction;
  /** Upstream model ids this provider offers (without the provider prefix), when it can list them. */
  listModels?(context: { readonly signal: AbortSignal }): Promise<readonly string[]>;
}
