import type { ProviderAdapter } from '@switchyard/core';
import { createUpstreamClient, type UpstreamTimeouts } from '@switchyard/provider-utils';
import { createGeminiGenerate } from './create-gemini-generate.js';
import { listGeminiModels } from './list-gemini-models.js';

export interface GeminiAdapterOptions {
  /** A Gemini API key; sent as `x-goog-api-key`, never in the URL. */
  readonly apiKey: string;
  /** Default `https://generativelanguage.googleapis.com/v1beta`. */
  readonly baseURL?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names (`gemini/gemini-2.5-flash`); default `gemini`. */
  readonly name?: string;
  readonly timeouts?: UpstreamTimeouts;
}

export type GeminiAdapter = ProviderAdapter & { close(): Promise<void> };

/**
 * Gemini on Google AI Studio (the Gemini API): `generateContent` and
 * `streamGenerateContent?alt=sse` translated to canonical parts, and `GET /models`.
 * Reference: https://ai.google.dev/api/generate-content
 */
export function createGeminiAdapter(options: GeminiAdapterOptions): GeminiAdapter {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') throw new TypeError('createGeminiAdapter: apiKey is required.');
  const provider = options.name ?? 'gemini';
  const client = createUpstreamClient({
    provider,
    baseURL: options.baseURL ?? 'https://generativelanguage.googleapis.com/v1beta',
    headers: { ...options.headers, 'x-goog-api-key': options.apiKey },
    secrets: [options.apiKey],
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
  });
  // The gateway closes adapters on shutdown and owners may too: closing twice is harmless.
  let closing: Promise<void> | undefined;
  const generate = createGeminiGenerate({
    provider,
    client,
    modelPath: (model) => `/models/${encodeURIComponent(model.replace(/^models\//, ''))}`,
    requestHeaders: () => Promise.resolve({}),
    redact: client.redact,
    urlMedia: 'files-api-only',
  });
  return {
    provider,
    operations: {},
    generate,
    listModels: (context) => listGeminiModels(client, context.signal),
    close: () => (closing ??= client.close()),
  };
}
