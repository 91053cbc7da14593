/** Options of {@link createCohereAdapter}. */
export interface CohereAdapterOptions {
  /** Cohere API key, sent as `Authorization: Bearer …`. */
  readonly apiKey: string;
  /** Base of the v2 API; default `https://api.cohere.com/v2`. `POST {baseURL}/chat`. */
  readonly baseURL?: string;
  /** Base of the v1 API used for `GET /models`; default: `baseURL` with its trailing `/v2` replaced by `/v1`. */
  readonly modelsBaseURL?: string;
  /** Extra headers sent with every request (e.g. `X-Client-Name`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Provider key in model names; default `cohere`. */
  readonly name?: string;
  /** Upstream models that accept `image_url` content; default: ids containing `vision`. */
  readonly supportsVision?: (model: string) => boolean;
  /** Upstream models that accept `thinking`; default: ids containing `reasoning`. */
  readonly supportsThinking?: (model: string) => boolean;
  /** Request timeouts (milliseconds) for the upstream client. */
  readonly timeouts?: { readonly connectMs?: number; readonly headersMs?: number; readonly bodyMs?: number };
}

export const defaultCohereBaseURL = 'https://api.cohere.com/v2';

/** Vision models by name (Command A Vision, Aya Vision). */
export const defaultSupportsVision = (model: string): boolean => /vision/i.test(model);

/** Hybrid reasoning models by name (Command A Reasoning). */
export const defaultSupportsThinking = (model: string): boolean => /reasoning/i.test(model);

/** `https://api.cohere.com/v2` → `https://api.cohere.com/v1`. */
export function deriveModelsBaseURL(baseURL: string): string {
  const trimmed = baseURL.replace(/\/+$/, '');
  return /\/v2$/.test(trimmed) ? `${trimmed.slice(0, -'/v2'.length)}/v1` : `${trimmed}/v1`;
}

/** What the request conversion needs to know about the upstream model. */
export interface CohereModelTraits {
  readonly vision: boolean;
  readonly thinking: boolean;
}
