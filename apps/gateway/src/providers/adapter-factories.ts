import type { ProviderAdapter } from '@switchyard/core';
import { createAzureOpenAIAdapter, createOpenAIAdapter } from '@switchyard/provider-openai';
import type { ProviderConfig } from '../config/gateway-config.js';
import type { AdapterFamily } from './provider-registry.js';

/** Builds the adapter for one configured provider. `baseURL` is always resolved by then. */
export type AdapterFactory = (name: string, config: ProviderConfig & { readonly baseURL: string }) => ProviderAdapter;

export type AdapterFactories = Readonly<Partial<Record<AdapterFamily, AdapterFactory>>>;

/**
 * The adapter factory for each adapter family that exists today. Families missing here
 * (openai-compatible, anthropic, google, cohere) are recognised in config but skipped with a
 * log line until their package is plugged in here.
 */
export const defaultAdapterFactories: AdapterFactories = {
  openai: (_name, config) =>
    createOpenAIAdapter({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      ...(config.organization === undefined ? {} : { organization: config.organization }),
      ...(config.project === undefined ? {} : { project: config.project }),
    }),
  azure: (_name, config) =>
    createAzureOpenAIAdapter({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      ...(config.apiVersion === undefined ? {} : { apiVersion: config.apiVersion }),
    }),
};
