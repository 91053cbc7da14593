import type { ModelCapabilities, ModelPrices } from '../model-table/model-capabilities.js';
import type { ModelTable } from '../model-table/model-table.js';

/** A deployment as configured; what it leaves out comes from the built-in table. */
export interface DeploymentConfig {
  readonly name: string;
  readonly provider: string;
  readonly upstreamModel: string;
  readonly weight?: number | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly prices?: ModelPrices | undefined;
  readonly contextWindow?: number | undefined;
  readonly maxOutput?: number | undefined;
  readonly capabilities?: Partial<ModelCapabilities> | undefined;
  readonly rpm?: number | undefined;
  readonly tpm?: number | undefined;
}

/** A public model name served by several deployments, with an ordered fallback chain of other models. */
export interface AliasConfig {
  readonly deployments: readonly string[];
  /** Public model names tried, in order, after every deployment of the alias failed. */
  readonly fallbacks?: readonly string[] | undefined;
}

export interface ModelRegistryOptions {
  readonly deployments?: readonly DeploymentConfig[] | undefined;
  /** Alias name → deployments (a bare list is `{deployments}`). */
  readonly aliases?: Readonly<Record<string, AliasConfig | readonly string[]>> | undefined;
  /**
   * Configured providers: name → kind (`{ openai: 'openai', eu-claude: 'anthropic' }`). `provider/model`
   * works for these with no deployment configured, priced from the built-in table.
   */
  readonly providers?: Readonly<Record<string, string>> | undefined;
  /** The built-in model table by default; pass `{checkedAt, models: []}` to disable it. */
  readonly builtInTable?: ModelTable | undefined;
  /** Unix seconds reported as `created` by `GET /v1/models`; the registry's creation time by default. */
  readonly createdAt?: number | undefined;
}
