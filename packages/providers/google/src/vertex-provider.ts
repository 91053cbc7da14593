import { UpstreamError, type ProviderAdapter } from '@switchyard/core';
import { createSecretRedactor, createUpstreamClient, type UpstreamTimeouts } from '@switchyard/provider-utils';
import { createGeminiGenerate } from './create-gemini-generate.js';
import type { GeminiAdapter } from './gemini-provider.js';
import { createGoogleAuthTokenProvider, type ServiceAccountCredentials, type VertexTokenProvider } from './vertex-token-provider.js';

export interface VertexAdapterOptions {
  /** Google Cloud project id. */
  readonly project: string;
  /** Region such as `us-central1`, or `global`. */
  readonly location: string;
  /** Default `https://{location}-aiplatform.googleapis.com/v1` (`https://aiplatform.googleapis.com/v1` for `global`). */
  readonly baseURL?: string;
  /** A service-account key (parsed JSON); application default credentials when neither this nor `keyFile` is given. */
  readonly credentials?: ServiceAccountCredentials;
  /** Path of a service-account key file (google-auth-library's `keyFilename`). */
  readonly keyFile?: string;
  /** Overrides google-auth-library (tests, workload identity brokers). */
  readonly tokenProvider?: VertexTokenProvider;
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names (`vertex/gemini-2.5-pro`); default `vertex`. */
  readonly name?: string;
  readonly timeouts?: UpstreamTimeouts;
}

const segmentPattern = /^[A-Za-z0-9._-]+$/;

/**
 * Gemini on Vertex AI: the same payloads as the Gemini API on
 * `/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent`
 * (and `:streamGenerateContent?alt=sse`), with an OAuth bearer token.
 * Reference: https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference
 */
export function createVertexAdapter(options: VertexAdapterOptions): GeminiAdapter {
  if (!segmentPattern.test(options.project ?? '')) throw new TypeError('createVertexAdapter: project must be a Google Cloud project id.');
  if (!segmentPattern.test(options.location ?? '')) throw new TypeError('createVertexAdapter: location must be a region such as us-central1, or global.');
  const provider = options.name ?? 'vertex';
  const host = options.location === 'global' ? 'aiplatform.googleapis.com' : `${options.location}-aiplatform.googleapis.com`;
  const client = createUpstreamClient({
    provider,
    baseURL: options.baseURL ?? `https://${host}/v1`,
    headers: { ...options.headers },
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
  });
  const tokenProvider = options.tokenProvider ??
    createGoogleAuthTokenProvider({
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      ...(options.keyFile === undefined ? {} : { keyFile: options.keyFile }),
    });
  const keySecrets = [options.credentials?.private_key].filter((value): value is string => typeof value === 'string');
  // Tokens rotate hourly: redact the latest few (a late error may quote an older one).
  const recentTokens: string[] = [];
  let redactTokens = createSecretRedactor(keySecrets);
  const redact = (text: string): string => redactTokens(client.redact(text));
  let closing: Promise<void> | undefined;
  const generate = createGeminiGenerate({
    provider,
    client,
    modelPath: (model) =>
      `/projects/${options.project}/locations/${options.location}/publishers/google/models/${encodeURIComponent(model.replace(/^(?:publishers\/google\/)?models\//, ''))}`,
    requestHeaders: async (signal) => {
      let token: string;
      try {
        token = await tokenProvider(signal);
      } catch (error) {
        throw new UpstreamError({
          provider,
          upstreamStatus: 0,
          code: 'upstream_credentials',
          message: `${provider}: could not get a Google Cloud access token (check the service-account key or application default credentials).`,
          cause: error,
        });
      }
      if (!recentTokens.includes(token)) {
        recentTokens.push(token);
        if (recentTokens.length > 4) recentTokens.shift();
        redactTokens = createSecretRedactor([...keySecrets, ...recentTokens]);
      }
      return { authorization: `Bearer ${token}` };
    },
    redact,
    urlMedia: 'any-url',
  });
  return { provider, operations: {}, generate, close: () => (closing ??= client.close()) };
}
