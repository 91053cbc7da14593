import type { UpstreamClient } from '@switchyard/provider-utils';
import { toGeminiError } from './gemini-error.js';

interface GeminiModelList {
  models?: Array<{ name?: string; supportedGenerationMethods?: string[] }>;
  nextPageToken?: string;
}

/**
 * `GET /models` (paged with `pageToken`) → the ids of models that can `generateContent`,
 * without the `models/` prefix. Reference: https://ai.google.dev/api/models#method:-models.list
 */
export async function listGeminiModels(client: UpstreamClient, signal: AbortSignal): Promise<readonly string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  try {
    for (let page = 0; page < 20; page += 1) {
      const query = { pageSize: 1000, ...(pageToken === undefined ? {} : { pageToken }) };
      const { body } = await client.getJson<GeminiModelList>('/models', { signal, query });
      for (const model of body.models ?? []) {
        const methods = model.supportedGenerationMethods;
        if (typeof model.name === 'string' && (methods === undefined || methods.includes('generateContent'))) ids.push(model.name.replace(/^models\//, ''));
      }
      pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
      if (pageToken === undefined) break;
    }
  } catch (error) {
    throw toGeminiError(error, client.provider, client.redact);
  }
  return ids;
}
