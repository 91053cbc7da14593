import { isProviderKind, providerKinds, providerRegistry } from '../providers/provider-registry.js';
import { validateCompactionConfig } from './compaction-config.js';
import { ConfigError } from './config-error.js';
import { validateRoutingConfig } from './validate-routing-config.js';
import { cloudSettings, validateCloudSettings } from './validate-cloud-settings.js';
import {
  defaultBodyLimitBytes,
  defaultHost,
  defaultLeaseMs,
  defaultRedisKeyPrefix,
  defaultTenant,
  defaultWorkerConcurrency,
  defaultPort,
  defaultShutdownTimeoutMs,
  type ApiKeyConfig,
  type GatewayConfig,
  type ProviderConfig,
  type StorageConfig,
} from './gateway-config.js';

type RawObject = Readonly<Record<string, unknown>>;

const providerNamePattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const providerSettings = ['type', 'api_key', 'base_url', 'api_version', 'organization', 'project', 'models'] as const;

function objectAt(value: unknown, path: string): RawObject {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(path, 'must be a mapping');
  return value as RawObject;
}

function rejectUnknownKeys(value: RawObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const where = path === '' ? key : `${path}.${key}`;
      throw new ConfigError(where, `unknown setting (allowed here: ${allowed.join(', ')})`);
    }
  }
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(path, 'must be a non-empty string');
  return value;
}

function requiredString(value: unknown, path: string): string {
  const found = optionalString(value, path);
  if (found === undefined) throw new ConfigError(path, 'is required');
  return found;
}

function integerAt(value: unknown, path: string, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined || value === null) return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < minimum || number > maximum) {
    throw new ConfigError(path, `must be an integer between ${minimum} and ${maximum}`);
  }
  return number;
}

function urlAt(value: unknown, path: string): string | undefined {
  const found = optionalString(value, path);
  if (found === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(found);
  } catch {
    throw new ConfigError(path, 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(path, 'must be an absolute http(s) URL');
  if (parsed.username !== '' || parsed.password !== '') throw new ConfigError(path, 'must not contain credentials; use api_key');
  return found.replace(/\/+$/, '');
}

function validateKeys(value: unknown, path: string): ApiKeyConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError(path, 'must be a list of {key, name}');
  return value.map((item, index) => {
    const itemPath = `${path}[${index}]`;
    const raw = objectAt(item, itemPath);
    rejectUnknownKeys(raw, ['key', 'name', 'tenant'], itemPath);
    return {
      key: requiredString(raw.key, `${itemPath}.key`),
      name: optionalString(raw.name, `${itemPath}.name`) ?? `key-${index}`,
      tenant: optionalString(raw.tenant, `${itemPath}.tenant`) ?? defaultTenant,
    };
  });
}

function validateProvider(name: string, value: unknown, path: string): ProviderConfig {
  if (!providerNamePattern.test(name)) {
    throw new ConfigError(path, 'provider names use lowercase letters, digits, "-" and "_" (they prefix model names)');
  }
  const raw = objectAt(value, path);
  rejectUnknownKeys(raw, [...providerSettings, ...cloudSettings], path);
  const type = raw.type ?? (isProviderKind(name) ? name : undefined);
  if (!isProviderKind(type)) throw new ConfigError(`${path}.type`, `must be one of ${providerKinds.join(', ')}`);
  const entry = providerRegistry[type];
  const baseURL = urlAt(raw.base_url, `${path}.base_url`) ?? entry.defaultBaseURL;
  if (baseURL === undefined && entry.credentials === 'api-key') throw new ConfigError(`${path}.base_url`, `is required for providers of type ${type}`);
  const models = raw.models ?? [];
  if (!Array.isArray(models) || models.some((model) => typeof model !== 'string' || model === '')) {
    throw new ConfigError(`${path}.models`, 'must be a list of model ids (without the provider prefix)');
  }
  return {
    type,
    apiKey: entry.credentials === 'api-key' ? requiredString(raw.api_key, `${path}.api_key`) : optionalString(raw.api_key, `${path}.api_key`),
    baseURL,
    apiVersion: optionalString(raw.api_version, `${path}.api_version`),
    organization: optionalString(raw.organization, `${path}.organization`),
    project: optionalString(raw.project, `${path}.project`),
    models: models as string[],
    cloud: validateCloudSettings(type, raw, path),
  };
}

function validateStorage(value: unknown): StorageConfig {
  const raw = objectAt(value, 'storage');
  rejectUnknownKeys(raw, ['database_url', 'data_dir', 'redis_url', 'redis_key_prefix', 'worker_concurrency', 'lease_ms'], 'storage');
  return {
    databaseUrl: optionalString(raw.database_url, 'storage.database_url'),
    dataDir: optionalString(raw.data_dir, 'storage.data_dir'),
    redisUrl: optionalString(raw.redis_url, 'storage.redis_url'),
    redisKeyPrefix: optionalString(raw.redis_key_prefix, 'storage.redis_key_prefix') ?? defaultRedisKeyPrefix,
    workerConcurrency: integerAt(raw.worker_concurrency, 'storage.worker_concurrency', defaultWorkerConcurrency, 0, 256),
    leaseMs: integerAt(raw.lease_ms, 'storage.lease_ms', defaultLeaseMs, 500, 3_600_000),
  };
}

/** Checks a parsed (and interpolated) configuration document and applies defaults. */
export function validateConfig(document: unknown): GatewayConfig {
  const root = objectAt(document, '');
  rejectUnknownKeys(root, ['server', 'auth', 'providers', 'storage', 'routing', 'compaction'], '');
  const server = objectAt(root.server, 'server');
  rejectUnknownKeys(server, ['port', 'host', 'body_limit_bytes', 'shutdown_timeout_ms'], 'server');
  const auth = objectAt(root.auth, 'auth');
  rejectUnknownKeys(auth, ['master_key', 'keys'], 'auth');
  const providers = objectAt(root.providers, 'providers');
  return {
    server: {
      port: integerAt(server.port, 'server.port', defaultPort, 0, 65_535),
      host: optionalString(server.host, 'server.host') ?? defaultHost,
      bodyLimitBytes: integerAt(server.body_limit_bytes, 'server.body_limit_bytes', defaultBodyLimitBytes, 1024, 1024 ** 3),
      shutdownTimeoutMs: integerAt(server.shutdown_timeout_ms, 'server.shutdown_timeout_ms', defaultShutdownTimeoutMs, 0, 3_600_000),
    },
    auth: {
      masterKey: optionalString(auth.master_key, 'auth.master_key'),
      keys: validateKeys(auth.keys, 'auth.keys'),
    },
    providers: Object.fromEntries(
      Object.entries(providers).map(([name, value]) => [name, validateProvider(name, value, `providers.${name}`)]),
    ),
    storage: validateStorage(root.storage),
    ...validateRoutingConfig(root.routing),
    compaction: validateCompactionConfig(root.compaction),
  };
}
