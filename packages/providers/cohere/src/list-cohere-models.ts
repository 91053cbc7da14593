import type { UpstreamClient } from '@switchyard/provider-utils';
import type { CohereModelList } from './cohere-api.js';

const isModelList = (value: unknown): value is CohereModelList =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { models?: unknown }).models);

/** Pages followed at most (1000 models each); Cohere lists far fewer. */
const maxPages = 5;

/**
 * `GET /v1/models?endpoint=chat` → the names of models that serve `/chat`
 * (docs.cohere.com/reference/list-models: `{models:[{name, endpoints, …}], next_page_token}`).
 */
export async function listCohereModels(client: UpstreamClient, signal: AbortSignal): Promise<readonly string[]> {
  const names: string[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const query = { endpoint: 'chat', page_size: 1000, ...(pageToken === undefined ? {} : { page_token: pageToken }) };
    const response = await client.getJson<CohereModelList>('/models', { signal, query, check: isModelList });
    for (const model of response.body.models ?? []) {
      const servesChat = model.endpoints === undefined || model.endpoints === null || model.endpoints.includes('chat');
      if (typeof model.name === 'string' && model.name !== '' && servesChat) names.push(model.name);
    }
    const next = response.body.next_page_token;
    if (typeof next !== 'string' || next === '') break;
    pageToken = next;
  }
  return names;
}
