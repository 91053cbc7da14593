import type { CompactionConfig } from './compaction-config.js';

import type { RoutingConfig } from '@switchyard/router';

/** Provider kinds Switchyard recognises; see `src/providers/provider-registry.ts`. */
export type ProviderKind =
  | 'openai'
  | 'azure'
  | 'openai-compatible'
  | 'anthropic'
  | 'gemini'
  | 'xai'
  | 'groq'
  | 'mistral'
  | 'together'
  | 'deepseek'
  | 'fireworks'
  | 'openrouter'
  | 'cohere'
  | 'bedrock'
  | 'vertex';

export interface ProviderConfig {
  readonly type: ProviderKind;
  /** Required for every kind that authenticates with a key; cloud kinds (bedrock, vertex) use their SDK's credentials. */
  readonly apiKey: string | undefined;
  /** Upstream base URL; the registry's default for the kind when omitted (cloud kinds derive it from their region). */
  readonly baseURL: string | undefined;
  readonly apiVersion: string | undefined;
  readonly organization: string | undefined;
  readonly project: string | undefined;
  /** Model ids (without the provider prefix) listed by `GET /v1/models` in addition to the upstream's list. */
  readonly models: readonly string[];
  /** Cloud settings: AWS region (bedrock), Google Cloud location (vertex), and explicit credentials. */
  readonly cloud: CloudProviderConfig;
}

/** Settings of providers reached through a cloud account instead of an API key. */
export interface CloudProviderConfig {
  /** bedrock: the AWS region, e.g. `us-east-1` (`AWS_REGION` when enabled from the environment). */
  readonly region: string | undefined;
  /** vertex: the Google Cloud location, e.g. `us-central1` or `global`. */
  readonly location: string | undefined;
  /** vertex: a service-account key file; application default credentials when omitted. */
  readonly credentialsFile: string | undefined;
  /** bedrock: explicit AWS credentials; the SDK's standard chain (env, profile, web identity) when omitted. */
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly sessionToken: string | undefined;
  /** bedrock: a named AWS profile. */
  readonly profile: string | undefined;
}

export interface ApiKeyConfig {
  readonly key: string;
  readonly name: string;
  /** Owner of everything this key stores; `default` (the master key's tenant) when omitted. */
  readonly tenant: string;
}

/** Where stateful Responses live; see the README's "Storage" section. */
export interface StorageConfig {
  /** PostgreSQL URL (`DATABASE_URL` when omitted); wins over `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** PGlite data folder (`SWITCHYARD_DATA_DIR`, else `./data`, when omitted). */
  readonly dataDir: string | undefined;
  /** Redis URL for several instances (`REDIS_URL` when omitted); in-process hot state without. */
  readonly redisUrl: string | undefined;
  /**
   * Prefix of every Redis key the gateway writes (hot state, cooldowns, rate-limit counters):
   * instances sharing it share state; separate gateways on one Redis use separate prefixes.
   */
  readonly redisKeyPrefix: string;
  /** Background runs one instance executes at once. */
  readonly workerConcurrency: number;
  /** Lease of a claimed background run; a dead worker's run is reclaimed after it. */
  readonly leaseMs: number;
}

export interface GatewayConfig {
  readonly server: {
    readonly port: number;
    readonly host: string;
    /** Largest request body accepted, in bytes; larger bodies get a 413 before they are buffered. */
    readonly bodyLimitBytes: number;
    /** How long in-flight requests and streams may run after SIGTERM before their sockets are destroyed. */
    readonly shutdownTimeoutMs: number;
  };
  readonly auth: {
    readonly masterKey: string | undefined;
    readonly keys: readonly ApiKeyConfig[];
  };
  /** Keyed by the provider name used in `provider/model`. */
  readonly providers: Readonly<Record<string, ProviderConfig>>;
  readonly storage: StorageConfig;
  /** Deployments, aliases, balancing, retries and cooldowns (`routing:`); `provider/model` names work without it. */
  readonly routing?: RoutingConfig;
  /** Compaction for providers without native compaction (`compaction:`); defaults when omitted. */
  readonly compaction?: CompactionConfig;
}

/** The tenant of the master key, of keys without `tenant`, and of the keyless loopback mode. */
export const defaultTenant = 'default';
export const defaultWorkerConcurrency = 4;
export const defaultLeaseMs = 30_000;
export const defaultRedisKeyPrefix = 'switchyard:';

export const defaultPort = 8080;
export const defaultHost = '127.0.0.1';
/** 20 MiB: room for a long transcript with a few inline images, far below what would hurt memory. */
export const defaultBodyLimitBytes = 20 * 1024 * 1024;
export const defaultShutdownTimeoutMs = 10_000;
