import { startFakeCohereUpstream } from '@switchyard/testing';
import { expect, it } from 'vitest';
import { deriveModelsBaseURL } from './cohere-config.js';
import { createCohereAdapter } from './index.js';

it('lists the models that serve chat from GET /v1/models', async () => {
  const fake = await startFakeCohereUpstream({ models: ['command-a-03-2025', 'embed-v4.0', 'command-r7b-12-2024'] });
  const adapter = createCohereAdapter({ apiKey: 'co-secret-key-0123456789', baseURL: fake.url });
  await expect(adapter.listModels({ signal: new AbortController().signal })).resolves.toEqual(['command-a-03-2025', 'command-r7b-12-2024']);
  expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models', query: { endpoint: 'chat', page_size: '1000' } });
  await adapter.close();
  await fake.close();
});

it.each([
  ['https://api.cohere.com/v2', 'https://api.cohere.com/v1'],
  ['https://api.cohere.com/v2/', 'https://api.cohere.com/v1'],
  ['https://proxy.example.com/cohere', 'https://proxy.example.com/cohere/v1'],
])('derives the v1 base from %s', (baseURL, expected) => {
  expect(deriveModelsBaseURL(baseURL)).toBe(expected);
});

it('refuses to start without an API key', () => {
  expect(() => createCohereAdapter({ apiKey: '' })).toThrow('needs an apiKey');
});

it('closing twice is harmless', async () => {
  const adapter = createCohereAdapter({ apiKey: 'co-secret-key-0123456789', baseURL: 'http://127.0.0.1:9/v2' });
  await adapter.close();
  await expect(adapter.close()).resolves.toBeUndefined();
});
