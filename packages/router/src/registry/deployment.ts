import type { ModelCapabilities, ModelPrices } from '../model-table/model-capabilities.js';

/** One upstream model on one configured provider: the unit the router picks, balances and cools down. */
export interface Deployment {
  /** Unique name, used in `provider.order/only/ignore`, health keys and the usage ledger. */
  readonly name: string;
  /** Configured provider name (the prefix of `provider/model`). */
  readonly provider: string;
  /** Provider kind (`openai`, `anthropic`…) when the configured name differs; used for affinity. */
  readonly providerKind: string;
  /** The model id sent upstream. */
  readonly upstreamModel: string;
  /** Relative weight for weighted random balancing (0 = only when nothing else is left). */
  readonly weight: number;
  /** ISO 3166-1 alpha-2 regions the deployment is certified for (`provider.compliance`). */
  readonly regions: readonly string[];
  /** `undefined` when neither config nor the built-in table knows the price. */
  readonly prices: ModelPrices | undefined;
  readonly contextWindow: number | undefined;
  readonly maxOutput: number | undefined;
  readonly capabilities: ModelCapabilities | undefined;
  /** Requests per minute the upstream allows this deployment (informational for the balancer). */
  readonly rpm?: number | undefined;
  readonly tpm?: number | undefined;
}
