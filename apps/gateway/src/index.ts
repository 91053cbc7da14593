export { createGateway, type CreateGatewayOptions, type Gateway } from './create-gateway.js';
export { loadConfig, type LoadConfigOptions } from './config/load-config.js';
export { ConfigError } from './config/config-error.js';
export type { GatewayConfig, ProviderConfig, ProviderKind } from './config/gateway-config.js';
export type { AdapterFactories, AdapterFactory } from './providers/adapter-factories.js';
export { providerRegistry, type AdapterFamily, type ProviderRegistryEntry } from './providers/provider-registry.js';
