import type { UpstreamClient } from '@switchyard/provider-utils';

interface ModelList {
  readonly data: ReadonlyArray<{ readonly id?: unknown }>;
}

const isModelList = (value: unknown): value is ModelList =>
  typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);

/** GET /models → the model ids. */
export async function listOpenAIModels(client: UpstreamClient, signal: AbortSignal): Promise<readonly string[]> {
  const response = await client.getJson<ModelList>('/models', { signal, check: isModelList });
  return response.body.data.map((model) => model.id).filter((id): id is string => typeof id === 'string');
}
