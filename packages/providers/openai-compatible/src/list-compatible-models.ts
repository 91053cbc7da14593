import type { UpstreamClient } from '@switchyard/provider-utils';

type ModelEntry = { readonly id?: unknown };
type ModelListBody = { readonly data: readonly ModelEntry[] } | readonly ModelEntry[];

const isModelList = (value: unknown): value is ModelListBody =>
  Array.isArray(value) || (typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data));

/** GET /models → model ids. OpenAI's `{data: [...]}` and Together's bare array are both read. */
export async function listCompatibleModels(client: UpstreamClient, signal: AbortSignal): Promise<readonly string[]> {
  const response = await client.getJson<ModelListBody>('/models', { signal, check: isModelList });
  const entries: readonly ModelEntry[] = Array.isArray(response.body) ? response.body : (response.body as { data: readonly ModelEntry[] }).data;
  return entries.map((entry) => entry.id).filter((id): id is string => typeof id === 'string');
}
