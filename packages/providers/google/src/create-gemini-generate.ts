import type { GenerateFunction, StreamPart } from '@switchyard/core';
import { settleWarnings } from '@switchyard/core';
import { peekAsyncIterable, type SecretRedactor, type UpstreamClient } from '@switchyard/provider-utils';
import { buildGeminiRequest } from './build-gemini-request.js';
import { buildGeminiStreamTransform } from './build-gemini-stream-transform.js';
import type { UrlMediaSupport } from './convert-user-content-part.js';
import type { GeminiGenerateContentResponse } from './gemini-api.js';
import { toGeminiError } from './gemini-error.js';
import { streamGeminiParts } from './stream-gemini-parts.js';

/** Where and how one Google endpoint (AI Studio or Vertex AI) is called. */
export interface GeminiEndpoint {
  readonly provider: string;
  readonly client: UpstreamClient;
  /** Path of a model below the client's base URL, without the `:method` suffix. */
  modelPath(model: string): string;
  /** Per-request headers (Vertex: a fresh OAuth bearer token). */
  requestHeaders(signal: AbortSignal): Promise<Readonly<Record<string, string>>>;
  /** Redacts the client's secrets plus any per-request credential. */
  readonly redact: SecretRedactor;
  readonly urlMedia: UrlMediaSupport;
}

async function* fromArray(parts: StreamPart[]): AsyncGenerator<StreamPart, void, undefined> {
  yield* parts;
}

/**
 * The `generate` entry point for a Google endpoint: converts the request, settles the warnings
 * (strict mode rejects before anything is sent), then calls `:generateContent` or
 * `:streamGenerateContent?alt=sse` and turns the answer into canonical parts.
 */
export function createGeminiGenerate(endpoint: GeminiEndpoint): GenerateFunction {
  return async (request, context) => {
    const model = request.body.model ?? context.upstreamModel;
    const built = buildGeminiRequest(request, { modelId: model, urlMedia: endpoint.urlMedia });
    settleWarnings(built.warnings, context);
    let blockCounter = 0;
    const transform = buildGeminiStreamTransform({ generateId: () => `gemini_block_${(blockCounter += 1)}` });
    const { signal } = context;
    try {
      const headers = await endpoint.requestHeaders(signal);
      const path = endpoint.modelPath(model);
      if (!request.stream) {
        const response = await endpoint.client.postJson<GeminiGenerateContentResponse>(`${path}:generateContent`, built.body, { signal, headers });
        return fromArray([...transform.transform(response.body), ...transform.flush()]);
      }
      const stream = await endpoint.client.postForEventStream(`${path}:streamGenerateContent`, built.body, { signal, headers, query: { alt: 'sse' } });
      return await peekAsyncIterable(streamGeminiParts({ provider: endpoint.provider, events: stream.events, transform, redact: endpoint.redact, signal }));
    } catch (error) {
      throw toGeminiError(error, endpoint.provider, endpoint.redact);
    }
  };
}
