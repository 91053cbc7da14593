import { createUpstreamClient, type UpstreamTimeouts } from '@switchyard/provider-utils';
import { createOpenAIAdapterFromConfig, type OpenAIAdapter } from './create-openai-adapter-from-config.js';
import { encodePathSegment } from './encode-path-segment.js';
import type { OpenAILogger } from './openai-config.js';

export interface AzureOpenAIAdapterSettings {
  readonly apiKey: string;
  /** The resource endpoint, e.g. `https://my-resource.openai.azure.com` (no path). */
  readonly endpoint: string;
  /**
   * v1 API: optional (`?api-version=preview` opts into preview features).
   * Classic API: required by Azure; default `2025-04-01-preview` (the Responses API needs a preview version).
   */
  readonly apiVersion?: string;
  /** Gateway model id → Azure deployment name; a model not listed is used as the deployment name. */
  readonly deployments?: Readonly<Record<string, string>>;
  /** `true` (default): the v1 API under `/openai/v1`. `false`: classic deployment URLs with `api-version`. */
  readonly useV1?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names; default `azure`. */
  readonly name?: string;
  readonly timeouts?: UpstreamTimeouts;
  readonly logger?: OpenAILogger;
}

/**
 * Azure OpenAI, relayed natively like OpenAI. URL shapes and auth header, per Microsoft's docs:
 * - v1 API (https://learn.microsoft.com/en-us/azure/foundry/openai/api-version-lifecycle):
 *   base URL `{endpoint}/openai/v1/` (`/responses`, `/chat/completions`, `/models`), no
 *   `api-version` needed, the deployment name goes in `model`, key in the `api-key` header.
 * - classic API (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference):
 *   `POST {endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=…`, key in
 *   the `api-key` header. The Responses API never had a deployment URL: with a preview
 *   `api-version` it was served at `{endpoint}/openai/responses?api-version=…` (as the `AzureOpenAI`
 *   clients call it; not re-checked against a current page). Microsoft now says the v1 API is
 *   required for the latest Responses features
 *   (https://learn.microsoft.com/en-us/azure/foundry/openai/how-to/responses): prefer `useV1`.
 */
export function createAzureOpenAIAdapter(settings: AzureOpenAIAdapterSettings): OpenAIAdapter {
  const provider = settings.name ?? 'azure';
  const useV1 = settings.useV1 ?? true;
  const endpoint = settings.endpoint.replace(/\/+$/, '');
  const apiVersion = useV1 ? settings.apiVersion : (settings.apiVersion ?? '2025-04-01-preview');
  const client = createUpstreamClient({
    provider,
    baseURL: useV1 ? `${endpoint}/openai/v1` : `${endpoint}/openai`,
    headers: { ...settings.headers, 'api-key': settings.apiKey },
    ...(apiVersion === undefined ? {} : { query: { 'api-version': apiVersion } }),
    secrets: [settings.apiKey],
    ...(settings.timeouts === undefined ? {} : { timeouts: settings.timeouts }),
  });
  return createOpenAIAdapterFromConfig(
    {
      provider,
      client,
      resolveModel: (upstreamModel) => settings.deployments?.[upstreamModel] ?? upstreamModel,
      chatCompletionsPath: (model) => (useV1 ? '/chat/completions' : `/deployments/${encodePathSegment(model, 'model')}/chat/completions`),
      requestHeaders: () => ({}),
      logger: settings.logger,
    },
    { listModels: useV1 },
  );
}
