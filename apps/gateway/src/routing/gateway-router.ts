import {
  builtInModelTable,
  createInProcessHealthTracker,
  createModelRegistry,
  createRedisHealthTracker,
  createRouter,
  type RoutingConfig,
  type Router,
} from '@switchyard/router';
import type { GatewayConfig } from '../config/gateway-config.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';

export interface CreateGatewayRouterOptions {
  readonly config: GatewayConfig;
  readonly providers: ProviderDirectory;
  /** Cooldowns shared through Redis when set, in process otherwise. */
  readonly redisUrl: string | undefined;
}

/**
 * The model registry (configured deployments and aliases over the built-in model table, and a
 * deployment synthesised for any `provider/model` of an enabled provider) and the router
 * (balancing, retries, fallbacks, cooldowns) that serves every model request. Without a
 * `routing:` section: no deployments or aliases, the default strategy, retry policy and cooldowns.
 */
export function createGatewayRouter(options: CreateGatewayRouterOptions): Router {
  const routing: RoutingConfig | undefined = options.config.routing;
  const providerKinds = Object.fromEntries(
    [...options.providers.values()].map((provider) => [provider.name, options.config.providers[provider.name]?.type ?? provider.adapter.provider]),
  );
  const registry = createModelRegistry({
    deployments: routing?.deployments ?? [],
    aliases: routing?.aliases ?? {},
    providers: providerKinds,
    builtInTable: builtInModelTable(),
  });
  const cooldown = routing?.cooldown ?? {};
  const health =
    options.redisUrl === undefined || options.redisUrl === ''
      ? createInProcessHealthTracker(cooldown)
      : createRedisHealthTracker({ url: options.redisUrl, keyPrefix: options.config.storage.redisKeyPrefix, ...cooldown });
  return createRouter({ registry, strategy: routing?.strategy, retry: routing?.retry, health });
}
