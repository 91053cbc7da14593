import { parseRoutingConfig, RoutingConfigError, type RoutingConfig } from '@switchyard/router';
import { ConfigError } from './config-error.js';

/** The `routing:` section (deployments, aliases, strategy, retries, cooldowns), checked by `@switchyard/router`. */
export function validateRoutingConfig(value: unknown): { readonly routing?: RoutingConfig } {
  if (value === undefined || value === null) return {};
  try {
    return { routing: parseRoutingConfig(value) };
  } catch (error) {
    if (error instanceof RoutingConfigError) {
      const problem = error.message.startsWith(error.path) ? error.message.slice(error.path.length).trim() : error.message;
      throw new ConfigError(error.path.startsWith('routing') ? error.path : `routing.${error.path}`, problem);
    }
    throw error;
  }
}
