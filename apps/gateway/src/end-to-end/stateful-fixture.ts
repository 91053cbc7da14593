import { startFakeChatProvider, startFakeOpenAIUpstream, type FakeChatProvider, type FakeOpenAIUpstream } from '@switchyard/testing';
import OpenAI from 'openai';
import type { OpenedStorage } from '../state/open-storage.js';
import { startTestGateway, testMasterKey, type TestGateway } from '../test-support/start-test-gateway.js';

export const tenantBKey = 'sk-tenant-b';

/** A gateway with the OpenAI passthrough (`openai/…`) and an openai-compatible provider (`groq/…`), two tenants. */
export interface StatefulFixture {
  readonly upstream: FakeOpenAIUpstream;
  readonly groq: FakeChatProvider;
  readonly gateway: TestGateway;
  /** Tenant `default` (the master key). */
  readonly client: OpenAI;
  /** Tenant `b`. */
  readonly otherTenant: OpenAI;
  readonly url: string;
  close(): Promise<void>;
}

export async function startStatefulFixture(storage: OpenedStorage | undefined): Promise<StatefulFixture> {
  const upstream = await startFakeOpenAIUpstream();
  const groq = await startFakeChatProvider({ flavour: 'groq' });
  const gateway = await startTestGateway({
    config: {
      auth: { master_key: testMasterKey, keys: [{ key: tenantBKey, name: 'b', tenant: 'b' }] },
      providers: {
        openai: { type: 'openai', api_key: 'sk-upstream', base_url: upstream.url },
        groq: { type: 'groq', api_key: 'gsk-fake', base_url: groq.url },
      },
    },
    ...(storage === undefined ? {} : { storage }),
  });
  const client = new OpenAI({ apiKey: testMasterKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const otherTenant = new OpenAI({ apiKey: tenantBKey, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  return {
    upstream,
    groq,
    gateway,
    client,
    otherTenant,
    url: gateway.url,
    async close() {
      await gateway.close();
      await upstream.close();
      await groq.close();
    },
  };
}

/** The raw status and body text of a request (to compare 404 bodies byte for byte). */
export async function rawCall(url: string, key: string, method: string, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.text() };
}

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
