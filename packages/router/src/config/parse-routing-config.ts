import { balancingStrategies, type BalancingStrategy } from '../balancing/order-by-strategy.js';
import type { HealthOptions } from '../health/health-tracker.js';
import { nativeEndpoints, type ModelCapabilities, type ModelPrices, type NativeEndpoint } from '../model-table/model-capabilities.js';
import type { AliasConfig, DeploymentConfig } from '../registry/registry-config.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import { objectAt, optionalBooleanAt, optionalNumberAt, rejectUnknownKeys, stringAt, stringListAt, type ConfigObject } from './config-readers.js';
import { RoutingConfigError } from './routing-config-error.js';

/** The `routing:` section of the gateway configuration, parsed. */
export interface RoutingConfig {
  readonly strategy: BalancingStrategy;
  readonly retry: Partial<RetryPolicy>;
  readonly cooldown: HealthOptions;
  readonly deployments: readonly DeploymentConfig[];
  readonly aliases: Readonly<Record<string, AliasConfig>>;
}

function parsePrices(value: unknown, path: string): ModelPrices {
  const raw = objectAt(value, path);
  rejectUnknownKeys(raw, ['input', 'cached_input', 'cache_write', 'output'], path);
  const input = optionalNumberAt(raw['input'], `${path}.input`);
  const output = optionalNumberAt(raw['output'], `${path}.output`);
  if (input === undefined) throw new RoutingConfigError(`${path}.input`, 'is required (USD per million tokens)');
  if (output === undefined) throw new RoutingConfigError(`${path}.output`, 'is required (USD per million tokens)');
  const cachedInput = optionalNumberAt(raw['cached_input'], `${path}.cached_input`);
  const cacheWrite = optionalNumberAt(raw['cache_write'], `${path}.cache_write`);
  return { input, output, ...(cachedInput === undefined ? {} : { cachedInput }), ...(cacheWrite === undefined ? {} : { cacheWrite }) };
}

function parseCapabilities(value: unknown, path: string): Partial<ModelCapabilities> {
  const raw = objectAt(value, path);
  rejectUnknownKeys(raw, ['endpoints', 'tools', 'vision', 'reasoning', 'image_output'], path);
  const capabilities: { -readonly [Key in keyof ModelCapabilities]?: ModelCapabilities[Key] } = {};
  if (raw['endpoints'] !== undefined) {
    const endpoints = stringListAt(raw['endpoints'], `${path}.endpoints`);
    endpoints.forEach((endpoint, index) => {
      if (!nativeEndpoints.includes(endpoint as NativeEndpoint)) throw new RoutingConfigError(`${path}.endpoints[${index}]`, `must be one of ${nativeEndpoints.join(', ')}`);
    });
    capabilities.endpoints = endpoints as NativeEndpoint[];
  }
  const flags = [['tools', 'tools'], ['vision', 'vision'], ['reasoning', 'reasoning'], ['image_output', 'imageOutput']] as const;
  for (const [yamlKey, key] of flags) {
    const flag = optionalBooleanAt(raw[yamlKey], `${path}.${yamlKey}`);
    if (flag !== undefined) capabilities[key] = flag;
  }
  return capabilities;
}

function parseDeployment(value: unknown, path: string): DeploymentConfig {
  const raw = objectAt(value, path);
  rejectUnknownKeys(raw, ['name', 'provider', 'model', 'weight', 'regions', 'prices', 'context_window', 'max_output', 'capabilities', 'rpm', 'tpm'], path);
  const regions = raw['regions'] === undefined ? undefined : stringListAt(raw['regions'], `${path}.regions`);
  regions?.forEach((region, index) => {
    if (!/^[A-Z]{2}$/.test(region)) throw new RoutingConfigError(`${path}.regions[${index}]`, 'must be an ISO 3166-1 alpha-2 code such as DE or US');
  });
  return {
    name: stringAt(raw['name'], `${path}.name`),
    provider: stringAt(raw['provider'], `${path}.provider`),
    upstreamModel: stringAt(raw['model'], `${path}.model`),
    weight: optionalNumberAt(raw['weight'], `${path}.weight`),
    regions,
    prices: raw['prices'] === undefined ? undefined : parsePrices(raw['prices'], `${path}.prices`),
    contextWindow: optionalNumberAt(raw['context_window'], `${path}.context_window`, { integer: true, minimum: 1 }),
    maxOutput: optionalNumberAt(raw['max_output'], `${path}.max_output`, { integer: true, minimum: 1 }),
    capabilities: raw['capabilities'] === undefined ? undefined : parseCapabilities(raw['capabilities'], `${path}.capabilities`),
    rpm: optionalNumberAt(raw['rpm'], `${path}.rpm`, { integer: true, minimum: 1 }),
    tpm: optionalNumberAt(raw['tpm'], `${path}.tpm`, { integer: true, minimum: 1 }),
  };
}

function parseAlias(value: unknown, path: string): AliasConfig {
  if (Array.isArray(value)) return { deployments: stringListAt(value, path) };
  const raw = objectAt(value, path);
  rejectUnknownKeys(raw, ['deployments', 'fallbacks'], path);
  return {
    deployments: stringListAt(raw['deployments'], `${path}.deployments`),
    fallbacks: raw['fallbacks'] === undefined ? undefined : stringListAt(raw['fallbacks'], `${path}.fallbacks`),
  };
}

function parseRetry(raw: ConfigObject, path: string): Partial<RetryPolicy> {
  const keys = [['max_retries', 'maxRetries'], ['max_attempts', 'maxAttempts'], ['base_delay_ms', 'baseDelayMs'], ['max_delay_ms', 'maxDelayMs'], ['max_total_ms', 'maxTotalMs'], ['max_retry_after_ms', 'maxRetryAfterMs'], ['attempt_timeout_ms', 'attemptTimeoutMs']] as const;
  rejectUnknownKeys(raw, keys.map(([yamlKey]) => yamlKey), path);
  const retry: { -readonly [Key in keyof RetryPolicy]?: number } = {};
  for (const [yamlKey, key] of keys) {
    const number = optionalNumberAt(raw[yamlKey], `${path}.${yamlKey}`, { integer: true, minimum: key === 'maxAttempts' || key === 'attemptTimeoutMs' ? 1 : 0 });
    if (number !== undefined) retry[key] = number;
  }
  return retry;
}

function parseCooldown(raw: ConfigObject, path: string): HealthOptions {
  rejectUnknownKeys(raw, ['allowed_fails', 'window_ms', 'cooldown_ms', 'max_cooldown_ms'], path);
  return {
    allowedFails: optionalNumberAt(raw['allowed_fails'], `${path}.allowed_fails`, { integer: true, minimum: 1 }),
    windowMs: optionalNumberAt(raw['window_ms'], `${path}.window_ms`, { integer: true, minimum: 1 }),
    cooldownMs: optionalNumberAt(raw['cooldown_ms'], `${path}.cooldown_ms`, { integer: true, minimum: 1 }),
    maxCooldownMs: optionalNumberAt(raw['max_cooldown_ms'], `${path}.max_cooldown_ms`, { integer: true, minimum: 1 }),
  };
}

/**
 * Parses the YAML `routing:` section (snake_case keys, see the README). A missing section is the
 * defaults: weighted random, default retries and cooldowns, no deployments, no aliases.
 */
export function parseRoutingConfig(value: unknown, path = 'routing'): RoutingConfig {
  const raw = value === undefined || value === null ? {} : objectAt(value, path);
  rejectUnknownKeys(raw, ['strategy', 'retry', 'cooldown', 'deployments', 'aliases'], path);
  const strategy = raw['strategy'] === undefined ? 'weighted-random' : stringAt(raw['strategy'], `${path}.strategy`);
  if (!balancingStrategies.includes(strategy as BalancingStrategy)) throw new RoutingConfigError(`${path}.strategy`, `must be one of ${balancingStrategies.join(', ')}`);
  const deploymentsRaw = raw['deployments'] ?? [];
  if (!Array.isArray(deploymentsRaw)) throw new RoutingConfigError(`${path}.deployments`, 'must be a list');
  const aliases: Record<string, AliasConfig> = {};
  for (const [name, alias] of Object.entries(raw['aliases'] === undefined ? {} : objectAt(raw['aliases'], `${path}.aliases`))) {
    aliases[name] = parseAlias(alias, `${path}.aliases.${name}`);
  }
  return {
    strategy: strategy as BalancingStrategy,
    retry: raw['retry'] === undefined ? {} : parseRetry(objectAt(raw['retry'], `${path}.retry`), `${path}.retry`),
    cooldown: raw['cooldown'] === undefined ? {} : parseCooldown(objectAt(raw['cooldown'], `${path}.cooldown`), `${path}.cooldown`),
    deployments: deploymentsRaw.map((entry: unknown, index) => parseDeployment(entry, `${path}.deployments[${index}]`)),
    aliases,
  };
}
