import { startFakeOpenAIUpstream, type FakeOpenAIUpstream } from '@switchyard/testing';
import type { ResponseStore } from '@switchyard/store';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestStorage } from '../test-support/shared-test-storage.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

let upstream: FakeOpenAIUpstream;
let gateway: TestGateway;
const created: string[] = [];
const deleted: string[] = [];
let failCompletions = false;

beforeAll(async () => {
  upstream = await startFakeOpenAIUpstream();
  const shared = await sharedTestStorage();
  // The real store, watched: which rows were created and removed, and a switch to make the final write fail.
  const store: ResponseStore = {
    ...shared.store,
    createResponse: async (record) => {
      created.push(record.id);
      return shared.store.createResponse(record);
    },
    deleteResponse: async (tenantId, id) => {
      deleted.push(id);
      return shared.store.deleteResponse(tenantId, id);
    },
    completeResponse: async (id, completion) => {
      if (failCompletions) throw new Error('database went away');
      return shared.store.completeResponse(id, completion);
    },
  };
  gateway = await startTestGateway({
    // The SDK's retries are what these tests check: the gateway passes the upstream's 5xx on without retrying it.
    config: { providers: { openai: { type: 'openai', api_key: 'sk-upstream', base_url: upstream.url } }, routing: { retry: { max_retries: 0 } } },
    storage: { store, hotState: shared.hotState },
  });
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

/** The SDK's default: two retries on 408/409/429/5xx and connection errors. */
const retryingClient = (): OpenAI => new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 2 });

describe('retries by the openai SDK', () => {
  it('a retried create after an upstream 5xx leaves exactly one stored response', async () => {
    created.length = 0;
    deleted.length = 0;
    upstream.enqueue({ kind: 'error', status: 503, headers: { 'retry-after-ms': '10' } });
    const response = await retryingClient().responses.create({ model: 'openai/gpt-4o-mini', input: 'retry me' });
    const kept = created.filter((id) => !deleted.includes(id));
    expect(created).toHaveLength(2);
    expect(kept).toEqual([response.id]);
    expect((await retryingClient().responses.retrieve(response.id)).status).toBe('completed');
  });

  it('a failure to store after the upstream answered is a 500 with x-should-retry: false, so the upstream is called once', async () => {
    const before = upstream.requests.filter((request) => request.path === '/v1/responses').length;
    failCompletions = true;
    try {
      const error = await retryingClient()
        .responses.create({ model: 'openai/gpt-4o-mini', input: 'pay once' })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.InternalServerError);
      expect((error as InstanceType<typeof OpenAI.InternalServerError>).headers.get('x-should-retry')).toBe('false');
    } finally {
      failCompletions = false;
    }
    expect(upstream.requests.filter((request) => request.path === '/v1/responses').length).toBe(before + 1);
  });
});
