import type { ProviderAdapter } from '@switchyard/core';
import type { ProviderConfig } from '../config/gateway-config.js';

/** A provider the gateway can route to: its configured name, settings and adapter. */
export interface ConfiguredProvider {
  /** The prefix in `provider/model`. */
  readonly name: string;
  /** Configured model ids, listed by `GET /v1/models` next to the upstream's own list. */
  readonly models: readonly string[];
  readonly adapter: ProviderAdapter;
}

/** Every enabled provider, keyed by name. */
export type ProviderDirectory = ReadonlyMap<string, ConfiguredProvider>;

export function configuredProvider(name: string, config: Pick<ProviderConfig, 'models'>, adapter: ProviderAdapter): ConfiguredProvider {
  return { name, models: config.models, adapter };
}
