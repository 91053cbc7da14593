import type { ProviderAdapter } from '@switchyard/core';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { AdapterFactories } from './adapter-factories.js';
import { configuredProvider, type ConfiguredProvider, type ProviderDirectory } from './configured-provider.js';
import { providerRegistry } from './provider-registry.js';

export interface CreateProviderDirectoryOptions {
  readonly config: GatewayConfig;
  readonly factories: AdapterFactories;
  /** Ready-made adapters by provider name; they take precedence over configured ones. */
  readonly adapters?: Readonly<Record<string, ProviderAdapter>>;
  readonly logger: Logger;
}

/** Builds an adapter for every configured provider whose adapter family is available. */
export function createProviderDirectory(options: CreateProviderDirectoryOptions): ProviderDirectory {
  const directory = new Map<string, ConfiguredProvider>();
  for (const [name, config] of Object.entries(options.config.providers)) {
    const entry = providerRegistry[config.type];
    const factory = options.factories[entry.family];
    if (options.adapters?.[name] !== undefined) continue;
    if (factory === undefined) {
      options.logger.warn({ provider: name, type: config.type }, `provider '${name}' (${config.type}) recognised, adapter not available yet; skipped`);
      continue;
    }
    let adapter: ProviderAdapter;
    try {
      adapter = factory(name, config, { logger: options.logger.child({ provider: name }) });
    } catch (error) {
      throw new ConfigError(`providers.${name}`, error instanceof Error ? error.message : String(error));
    }
    directory.set(name, configuredProvider(name, config, adapter));
  }
  for (const [name, adapter] of Object.entries(options.adapters ?? {})) {
    directory.set(name, configuredProvider(name, options.config.providers[name] ?? { models: [] }, adapter));
  }
  return directory;
}
