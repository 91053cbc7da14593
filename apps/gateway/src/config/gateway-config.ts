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
  | 'cohere';

export interface ProviderConfig {
  readonly type: ProviderKind;
  readonly apiKey: string;
  /** Upstream base URL; the registry's default for the kind when omitted. */
  readonly baseURL: string | undefined;
  readonly apiVersion: string | undefined;
  readonly organization: string | undefined;
  readonly project: string | undefined;
  /** Model ids (without the provider prefix) listed by `GET /v1/models` in addition to the upstream's list. */
  readonly models: readonly string[];
}

export interface ApiKeyConfig {
  readonly key: string;
  readonly name: string;
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
}

export const defaultPort = 8080;
export const defaultHost = '127.0.0.1';
/** 20 MiB: room for a long transcript with a few inline images, far below what would hurt memory. */
export const defaultBodyLimitBytes = 20 * 1024 * 1024;
export const defaultShutdownTimeoutMs = 10_000;
