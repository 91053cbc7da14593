import type { UpstreamClient } from '@switchyard/provider-utils';
import type { AnthropicModelList } from './anthropic-api.js';

const isModelList = (value: unknown): value is AnthropicModelList =>
  typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);

/** GET /v1/models (paged with `after_id`) → model ids. */
export async function listAnthropicModels(client: UpstreamClient, signal: AbortSignal): Promise<readonly string[]> {
  const ids: string[] = [];
  let afterId: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const query = afterId === undefined ? { limit: 1000 } : { limit: 1000, after_id: afterId };
    const response = await client.getJson<AnthropicModelList>('/models', { signal, query, check: isModelList });
    const body = response.body;
    if (body === null) break;
    for (const entry of body.data) if (typeof entry.id === 'string') ids.push(entry.id);
    if (body.has_more !== true || typeof body.last_id !== 'string') break;
    afterId = body.last_id;
  }
  return ids;
}
