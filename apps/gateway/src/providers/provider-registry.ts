import type { ProviderKind } from '../config/gateway-config.js';

/** The adapter package family that serves a provider kind. */
export type AdapterFamily = 'openai' | 'azure' | 'openai-compatible' | 'anthropic' | 'google' | 'cohere' | 'bedrock';

export interface ProviderRegistryEntry {
  readonly kind: ProviderKind;
  /** Which adapter factory serves this kind (see `adapter-factories.ts`). */
  readonly family: AdapterFamily;
  /** Provider name used when the provider is enabled from the environment alone. */
  readonly defaultName: string;
  /** Conventional environment variable holding the key; `undefined` when there is none. */
  readonly apiKeyVariable: string | undefined;
  /** Environment variable that overrides the base URL, when the provider has a conventional one. */
  readonly baseURLVariable: string | undefined;
  /** Public default base URL; `undefined` when every deployment has its own (Azure, self-hosted, cloud kinds). */
  readonly defaultBaseURL: string | undefined;
  /** `api-key`: `api_key` is required; `cloud`: the cloud SDK's credentials (no `api_key`). */
  readonly credentials: 'api-key' | 'cloud';
}

/** Every provider kind Switchyard recognises, with its real public default endpoint. */
export const providerRegistry: Readonly<Record<ProviderKind, ProviderRegistryEntry>> = {
  openai: {
    kind: 'openai',
    family: 'openai',
    defaultName: 'openai',
    apiKeyVariable: 'OPENAI_API_KEY',
    baseURLVariable: 'OPENAI_BASE_URL',
    defaultBaseURL: 'https://api.openai.com/v1',
    credentials: 'api-key',
  },
  azure: {
    kind: 'azure',
    family: 'azure',
    defaultName: 'azure',
    apiKeyVariable: 'AZURE_OPENAI_API_KEY',
    baseURLVariable: 'AZURE_OPENAI_ENDPOINT',
    defaultBaseURL: undefined,
    credentials: 'api-key',
  },
  'openai-compatible': {
    kind: 'openai-compatible',
    family: 'openai-compatible',
    defaultName: 'local',
    apiKeyVariable: undefined,
    baseURLVariable: undefined,
    defaultBaseURL: undefined,
    credentials: 'api-key',
  },
  anthropic: {
    kind: 'anthropic',
    family: 'anthropic',
    defaultName: 'anthropic',
    apiKeyVariable: 'ANTHROPIC_API_KEY',
    baseURLVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseURL: 'https://api.anthropic.com/v1',
    credentials: 'api-key',
  },
  gemini: {
    kind: 'gemini',
    family: 'google',
    defaultName: 'gemini',
    apiKeyVariable: 'GEMINI_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://generativelanguage.googleapis.com/v1beta',
    credentials: 'api-key',
  },
  xai: {
    kind: 'xai',
    family: 'openai-compatible',
    defaultName: 'xai',
    apiKeyVariable: 'XAI_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.x.ai/v1',
    credentials: 'api-key',
  },
  groq: {
    kind: 'groq',
    family: 'openai-compatible',
    defaultName: 'groq',
    apiKeyVariable: 'GROQ_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.groq.com/openai/v1',
    credentials: 'api-key',
  },
  mistral: {
    kind: 'mistral',
    family: 'openai-compatible',
    defaultName: 'mistral',
    apiKeyVariable: 'MISTRAL_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.mistral.ai/v1',
    credentials: 'api-key',
  },
  together: {
    kind: 'together',
    family: 'openai-compatible',
    defaultName: 'together',
    apiKeyVariable: 'TOGETHER_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.together.xyz/v1',
    credentials: 'api-key',
  },
  deepseek: {
    kind: 'deepseek',
    family: 'openai-compatible',
    defaultName: 'deepseek',
    apiKeyVariable: 'DEEPSEEK_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.deepseek.com/v1',
    credentials: 'api-key',
  },
  fireworks: {
    kind: 'fireworks',
    family: 'openai-compatible',
    defaultName: 'fireworks',
    apiKeyVariable: 'FIREWORKS_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.fireworks.ai/inference/v1',
    credentials: 'api-key',
  },
  openrouter: {
    kind: 'openrouter',
    family: 'openai-compatible',
    defaultName: 'openrouter',
    apiKeyVariable: 'OPENROUTER_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://openrouter.ai/api/v1',
    credentials: 'api-key',
  },
  cohere: {
    kind: 'cohere',
    family: 'cohere',
    defaultName: 'cohere',
    apiKeyVariable: 'COHERE_API_KEY',
    baseURLVariable: undefined,
    defaultBaseURL: 'https://api.cohere.com/v2',
    credentials: 'api-key',
  },
  bedrock: {
    kind: 'bedrock',
    family: 'bedrock',
    defaultName: 'bedrock',
    apiKeyVariable: undefined,
    baseURLVariable: undefined,
    defaultBaseURL: undefined,
    credentials: 'cloud',
  },
  vertex: {
    kind: 'vertex',
    family: 'google',
    defaultName: 'vertex',
    apiKeyVariable: undefined,
    baseURLVariable: undefined,
    defaultBaseURL: undefined,
    credentials: 'cloud',
  },
};

export const providerKinds = Object.keys(providerRegistry) as ProviderKind[];

export function isProviderKind(value: unknown): value is ProviderKind {
  return typeof value === 'string' && Object.hasOwn(providerRegistry, value);
}
