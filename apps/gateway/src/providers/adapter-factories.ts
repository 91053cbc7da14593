import type { ProviderAdapter } from '@switchyard/core';
import { createAnthropicAdapter } from '@switchyard/provider-anthropic';
import { createCohereAdapter } from '@switchyard/provider-cohere';
import { createGeminiAdapter } from '@switchyard/provider-google';
import { createAzureOpenAIAdapter, createOpenAIAdapter } from '@switchyard/provider-openai';
import { createOpenAICompatibleAdapter, type OpenAICompatibleFlavour } from '@switchyard/provider-openai-compatible';
import type { Logger } from 'pino';
import type { ProviderConfig, ProviderKind } from '../config/gateway-config.js';
import type { AdapterFamily } from './provider-registry.js';

export interface AdapterFactoryServices {
  /** A child logger already bound to the provider name. */
  readonly logger: Logger;
}

/** Builds the adapter for one configured provider. `baseURL` is always resolved by then. */
export type AdapterFactory = (
  name: string,
  config: ProviderConfig & { readonly baseURL: string },
  services: AdapterFactoryServices,
) => ProviderAdapter;

export type AdapterFactories = Readonly<Partial<Record<AdapterFamily, AdapterFactory>>>;

function adapterLogger(logger: Logger): { warn(message: string, details: Readonly<Record<string, unknown>>): void } {
  return { warn: (message, details) => logger.warn(details, message) };
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
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      ...(config.organization === undefined ? {} : { organization: config.organization }),
      ...(config.project === undefined ? {} : { project: config.project }),
      logger: adapterLogger(services.logger),
    }),
  azure: (name, config, services) =>
    createAzureOpenAIAdapter({
      name,
      apiKey: config.apiKey,
      // For Azure, `base_url` is the resource endpoint, e.g. https://my-resource.openai.azure.com
      endpoint: config.baseURL,
      ...(config.apiVersion === undefined ? {} : { apiVersion: config.apiVersion }),
      logger: adapterLogger(services.logger),
    }),
  anthropic: (name, config) =>
    createAnthropicAdapter({
      name,
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      ...(config.apiVersion === undefined ? {} : { anthropicVersion: config.apiVersion }),
    }),
  google: (name, config) => createGeminiAdapter({ name, apiKey: config.apiKey, baseURL: config.baseURL }),
  cohere: (name, config) => createCohereAdapter({ name, apiKey: config.apiKey, baseURL: config.baseURL }),
  'openai-compatible': (name, config) => {
    const flavour = compatibleFlavours[config.type];
    if (flavour === undefined) throw new TypeError(`No openai-compatible flavour for provider type ${config.type}`);
    return createOpenAICompatibleAdapter({ flavour, provider: name, apiKey: config.apiKey, baseURL: config.baseURL });
  },
};
