import type { OperationHandlers } from '@switchyard/contract';
import type { AdapterContext } from './adapter-context.js';

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
 * One configured provider. It implements the generated handler types for the operations its
 * provider has natively; the bridges in core serve the others through the ones it has.
 */
export interface ProviderAdapter {
  /** Provider key as used in model names, e.g. `openai` in `openai/gpt-4o`. */
  readonly provider: string;
  readonly operations: NativeOperations;
  /** Upstream model ids this provider offers (without the provider prefix), when it can list them. */
  listModels?(context: { readonly signal: AbortSignal }): Promise<readonly string[]>;
}
