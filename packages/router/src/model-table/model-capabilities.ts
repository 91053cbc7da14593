/** The API surfaces a model is served on natively by its provider. */
export type NativeEndpoint = 'responses' | 'chat' | 'generate';

export const nativeEndpoints: readonly NativeEndpoint[] = ['responses', 'chat', 'generate'];

/** What a model can do; the router uses it to pick deployments able to serve a request. */
export interface ModelCapabilities {
  /** Endpoints the provider serves this model on natively (`generate` = the provider's own API, bridged). */
  readonly endpoints: readonly NativeEndpoint[];
  readonly tools: boolean;
  readonly vision: boolean;
  readonly reasoning: boolean;
  readonly imageOutput: boolean;
}

/** Prices in US dollars per million tokens. */
export interface ModelPrices {
  /** Uncached input tokens. */
  readonly input: number;
  /** Input tokens read from the provider's prompt cache; billed at `input` when absent. */
  readonly cachedInput?: number | undefined;
  /** Input tokens written to the provider's prompt cache (Anthropic); billed at `input` when absent. */
  readonly cacheWrite?: number | undefined;
  /** Output tokens, reasoning tokens included. */
  readonly output: number;
}
