import type { ProviderAdapter } from '@switchyard/core';
import { createAnthropicAdapter } from '@switchyard/provider-anthropic';
import { createBedrockAdapter } from '@switchyard/provider-bedrock';
import { createCohereAdapter } from '@switchyard/provider-cohere';
import { createGeminiAdapter, createVertexAdapter } from '@switchyard/provider-google';
import { createAzureOpenAIAdapter, createOpenAIAdapter } from '@switchyard/provider-openai';
import { createOpenAICompatibleAdapter, type OpenAICompatibleFlavour } from '@switchyard/provider-openai-compatible';
import type { Logger } from 'pino';
import type { ProviderConfig, ProviderKind } from '../config/gateway-config.js';
import type { AdapterFamily } from './provider-registry.js';

export interface AdapterFactoryServices {
  /** A child logger already bound to the provider name. */
  readonly logger: Logger;
}

/** Builds the adapter for one configured provider (validated: key kinds have `apiKey` and `baseURL`). */
export type AdapterFactory = (name: string, config: ProviderConfig, services: AdapterFactoryServices) => ProviderAdapter;

export type AdapterFactories = Readonly<Partial<Record<AdapterFamily, AdapterFactory>>>;

function adapterLogger(logger: Logger): { warn(message: string, details: Readonly<Record<string, unknown>>): void } {
  return { warn: (message, details) => logger.warn(details, message) };
}

/** The key and base URL of a key-authenticated provider; validation guarantees both. */
function keyed(config: ProviderConfig): { readonly apiKey: string; readonly baseURL: string } {
  if (config.apiKey === undefined || config.baseURL === undefined) throw new TypeError(`providers of type ${config.type} need api_key and base_url`);
  return { apiKey: config.apiKey, baseURL: config.baseURL };
}

/** Explicit AWS credentials when the config has them; else the SDK's standard chain. */
function awsCredentials(config: ProviderConfig): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  const { accessKeyId, secretAccessKey, sessionToken } = config.cloud;
  if (accessKeyId === undefined || secretAccessKey === undefined) return undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
}

/** The openai-compatible package's flavour for each provider kind it serves. */
const compatibleFlavours: Partial<Record<ProviderKind, OpenAICompatibleFlavour>> = {
  'openai-compatible': 'openai_compatible',
  xai: 'xai',
  groq: 'groq',
  mistral: 'mistral',
  together: 'together',
  deepseek: 'deepseek',
  fireworks: 'fireworks',
  openrouter: 'openrouter',
};

/**
 * The adapter factory for each adapter family. A family missing here is recognised in config
 * but skipped with a log line.
 */
export const defaultAdapterFactories: AdapterFactories = {
  openai: (name, config, services) =>
    createOpenAIAdapter({
      name,
      ...keyed(config),
      ...(config.organization === undefined ? {} : { organization: config.organization }),
      ...(config.project === undefined ? {} : { project: config.project }),
      logger: adapterLogger(services.logger),
    }),
  azure: (name, config, services) =>
    createAzureOpenAIAdapter({
      name,
      apiKey: keyed(config).apiKey,
      // For Azure, `base_url` is the resource endpoint, e.g. https://my-resource.openai.azure.com
      endpoint: keyed(config).baseURL,
      ...(config.apiVersion === undefined ? {} : { apiVersion: config.apiVersion }),
      logger: adapterLogger(services.logger),
    }),
  anthropic: (name, config) =>
    createAnthropicAdapter({
      name,
      ...keyed(config),
      ...(config.apiVersion === undefined ? {} : { anthropicVersion: config.apiVersion }),
    }),
  google: (name, config) =>
    config.type === 'vertex'
      ? createVertexAdapter({
          name,
          project: config.project ?? '',
          location: config.cloud.location ?? '',
          ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
          ...(config.cloud.credentialsFile === undefined ? {} : { keyFile: config.cloud.credentialsFile }),
        })
      : createGeminiAdapter({ name, ...keyed(config) }),
  bedrock: (name, config) => {
    const credentials = awsCredentials(config);
    return createBedrockAdapter({
      name,
      region: config.cloud.region ?? '',
      ...(config.baseURL === undefined ? {} : { endpoint: config.baseURL }),
      ...(credentials === undefined ? {} : { credentials }),
      ...(config.cloud.profile === undefined ? {} : { profile: config.cloud.profile }),
    });
  },
  cohere: (name, config) => createCohereAdapter({ name, ...keyed(config) }),
  'openai-compatible': (name, config) => {
    const flavour = compatibleFlavours[config.type];
    if (flavour === undefined) throw new TypeError(`No openai-compatible flavour for provider type ${config.type}`);
    return createOpenAICompatibleAdapter({ flavour, provider: name, apiKey: config.apiKey, baseURL: config.baseURL });
  },
};
